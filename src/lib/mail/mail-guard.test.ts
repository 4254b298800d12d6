import { describe, expect, it } from 'vitest';
import { guardedPolicy, loopbackOpener, stubResolver } from '$test-support/proxy/outbound-kit.ts';
import { createMailHandler, type MailHandlerOptions } from './mail-handler';

/**
 * /mail's gates before any mail server is called: the app's Origin, the port list, the sender,
 * the shape of the request and a per-client rate limit. A stub transport records whether
 * nodemailer would have been asked at all; the guard's opener records any socket.
 */
const APP = 'http://localhost:4173';

function setup(options: Partial<MailHandlerOptions> = {}) {
	const opener = loopbackOpener(9);
	const transports: unknown[] = [];
	let clock = 1_000_000;
	const handler = createMailHandler({
		appOrigins: [APP],
		outbound: guardedPolicy(stubResolver({ 'smtp.example.com': '93.184.216.34' }), opener),
		now: () => clock,
		createTransport: ((config: unknown) => {
			transports.push(config);
			return {
				sendMail: async () => ({ messageId: '<sent@example.com>' }),
				close: () => undefined
			};
		}) as unknown as MailHandlerOptions['createTransport'],
		...options
	});
	const post = (
		body: unknown = request(),
		headers: Record<string, string> = { origin: APP, 'x-dropship-desk': '1' },
		clientAddress = '203.0.113.9'
	) =>
		handler(new Request(`${APP}/mail`, { method: 'POST', headers, body: JSON.stringify(body) }), {
			clientAddress
		});
	return { post, transports, opener, tick: (ms: number) => (clock += ms) };
}

const request = (smtp: Record<string, unknown> = {}, message: Record<string, unknown> = {}) => ({
	smtp: {
		host: 'smtp.example.com',
		port: 587,
		tlsMode: 'starttls',
		from: 'parts@ridgeline.example',
		...smtp
	},
	message: {
		to: 'cody@example.com',
		subject: 'Your order is on the way',
		text: 't',
		html: '<p>t</p>',
		idempotencyKey: 'email-1',
		...message
	}
});

describe('/mail refuses what the app would never send', () => {
	it('sends a well-formed request from the app (control)', async () => {
		const { post, transports } = setup();
		const response = await post();
		expect(response.status).toBe(200);
		expect(transports).toHaveLength(1);
	});

	it('refuses a request without an Origin, or from another one', async () => {
		const { post, transports } = setup();
		expect((await post(request(), { 'x-dropship-desk': '1' })).status).toBe(403);
		expect(
			(await post(request(), { origin: 'https://evil.example', 'x-dropship-desk': '1' })).status
		).toBe(403);
		expect(transports).toHaveLength(0);
	});

	it.each([22, 80, 110, 443, 3306, 6379, 8080, 65535])(
		'refuses port %i: only 25, 465, 587 and 2525',
		async (port) => {
			const { post, transports, opener } = setup();
			const response = await post(request({ port }));
			expect(response.status).toBe(403);
			expect((await response.json()).message).toMatch(
				/port .* not allowed; use 25, 465, 587, 2525/
			);
			expect(transports).toHaveLength(0);
			expect(opener.asked).toEqual([]);
		}
	);

	it('takes the ports the operator configured instead', async () => {
		const { post } = setup({ ports: [1025] });
		expect((await post(request({ port: 1025 }))).status).toBe(200);
		expect((await post(request({ port: 587 }))).status).toBe(403);
	});

	it('sends only as the senders the operator configured, when there are any', async () => {
		const { post } = setup({ allowedFrom: ['parts@ridgeline.example', '@shop.example'] });
		expect((await post()).status).toBe(200);
		expect((await post(request({ from: 'orders@SHOP.example' }))).status).toBe(200);
		const other = await post(request({ from: 'ceo@bank.example' }));
		expect(other.status).toBe(403);
		expect((await other.json()).message).toBe('This server does not send as ceo@bank.example.');
	});

	it.each([
		['a sender of its own', request({}, { from: 'ceo@bank.example' })],
		['an envelope', request({ envelope: { from: 'x@y.example' } })],
		['headers', request({}, { headers: { Sender: 'x@y.example' } })]
	])('refuses a request that names %s', async (_what, body) => {
		const { post, transports } = setup();
		expect((await post(body)).status).toBe(400);
		expect(transports).toHaveLength(0);
	});

	it('limits each client: a flood gets 429 with Retry-After, other clients carry on', async () => {
		const { post, transports, tick } = setup({ rateLimit: { limit: 3, windowMs: 60_000 } });
		// Three different emails (one email retried would be answered from memory, not sent again).
		for (let i = 0; i < 3; i += 1)
			expect((await post(request({}, { idempotencyKey: `email-${i}` }))).status).toBe(200);
		const flooded = await post();
		expect(flooded.status).toBe(429);
		expect(flooded.headers.get('retry-after')).toBe('60');
		expect(transports).toHaveLength(3);
		tick(45_000);
		expect((await post()).headers.get('retry-after')).toBe('15');
		expect((await post(request(), undefined, '198.51.100.7')).status).toBe(200);
		tick(15_000);
		expect((await post()).status).toBe(200);
	});
});
