import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailHandler, type MailHandlerOptions } from './mail-handler';
import {
	startTestSmtpServer,
	type ReceivedMail,
	type TestSmtpServer
} from '$test-support/mail/smtp-test-server';

/** A real SMTP server on localhost: what it receives is what a buyer would get. */
let smtpServer: TestSmtpServer;
let port: number;
let received: ReceivedMail[];

beforeAll(async () => {
	smtpServer = await startTestSmtpServer({ user: 'dealer', password: 'CANARY-PASSWORD' });
	port = smtpServer.port;
	received = smtpServer.received;
});

afterAll(() => smtpServer.close());

/** The operator's configuration for these tests: the local SMTP server's address and port. */
const configured = (): MailHandlerOptions => ({
	appOrigins: ['http://localhost:4173'],
	outbound: { allowHosts: ['127.0.0.1'] },
	ports: [port]
});
let handler: ReturnType<typeof createMailHandler>;
beforeAll(() => {
	handler = createMailHandler(configured());
});

function post(
	body: unknown,
	headers: Record<string, string> = { 'x-dropship-desk': '1', origin: 'http://localhost:4173' }
) {
	return handler(
		new Request('http://localhost:4173/mail', {
			method: 'POST',
			headers,
			body: JSON.stringify(body)
		})
	);
}

const smtp = () => ({
	host: '127.0.0.1',
	port,
	tlsMode: 'none',
	user: 'dealer',
	password: 'CANARY-PASSWORD',
	from: 'parts@ridgeline.example'
});
const message = {
	to: 'cody@example.com',
	replyTo: 'parts@ridgeline.example',
	subject: 'Your order 1042 is on the way',
	text: 'Track it: https://www.ups.com/track?tracknum=1Z999AA10123456784',
	html: '<p>Track it</p>',
	idempotencyKey: 'email-1'
};

describe('the /mail endpoint against a real SMTP server', () => {
	it('delivers one email with recipient, subject, body and tracking link, and returns the message id', async () => {
		const before = received.length;
		const response = await post({ smtp: smtp(), message });
		const body = await response.json();
		expect(response.status).toBe(200);
		expect(body).toMatchObject({ ok: true, messageId: expect.stringMatching(/^<.+>$/) });
		expect(received.length - before).toBe(1);
		const mail = received.at(-1)!;
		expect(mail.to).toEqual(['cody@example.com']);
		expect(mail.from).toBe('parts@ridgeline.example');
		expect(mail.raw).toContain('Subject: Your order 1042 is on the way');
		expect(mail.raw).toContain('https://www.ups.com/track?tracknum=1Z999AA10123456784');
		expect(mail.raw).toContain(body.messageId);
	});

	it("answers with the server's error when it refuses, and never echoes the password", async () => {
		const response = await post({
			smtp: { ...smtp(), password: 'wrong-CANARY' },
			message: { ...message, idempotencyKey: 'email-wrong-password' }
		});
		expect(response.status).toBe(502);
		const body = await response.json();
		expect(body.ok).toBe(false);
		expect(body.message).toMatch(/535|auth/i);
		expect(body.isHardBounce).toBeUndefined();
		expect(JSON.stringify(body)).not.toContain('wrong-CANARY');
	});

	it('marks a permanent 5xx refusal of the recipient as a hard bounce (MAIL-5)', async () => {
		const before = received.length;
		const response = await post({ smtp: smtp(), message: { ...message, to: 'gone@example.com' } });
		expect(response.status).toBe(502);
		const body = await response.json();
		expect(body).toMatchObject({ ok: false, isHardBounce: true });
		expect(body.message).toMatch(/550/);
		expect(received.length).toBe(before);
	});

	it('reports a temporary refusal so the outbox can retry', async () => {
		smtpServer.rejectWith = '451 Temporary local problem';
		try {
			const response = await post({
				smtp: smtp(),
				message: { ...message, idempotencyKey: 'email-temporary' }
			});
			expect(response.status).toBe(502);
			const body = await response.json();
			expect(body.message).toMatch(/451/);
			expect(body.isHardBounce).toBeUndefined();
		} finally {
			smtpServer.rejectWith = null;
		}
	});

	it('says it could not reach the mail server, and why, apart from what a server says', async () => {
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const closedPort = (closed.address() as AddressInfo).port;
		await new Promise((resolve) => closed.close(resolve));
		const unreached = createMailHandler({ ...configured(), ports: [closedPort] });
		const response = await unreached(
			new Request('http://localhost:4173/mail', {
				method: 'POST',
				headers: { 'x-dropship-desk': '1', origin: 'http://localhost:4173' },
				body: JSON.stringify({ smtp: { ...smtp(), port: closedPort }, message })
			})
		);
		expect(response.status).toBe(502);
		expect(await response.json()).toEqual({
			ok: false,
			reason: 'refused',
			message: 'Could not reach the mail server 127.0.0.1: the connection was refused.'
		});
	});

	it('sends a retry of an email it already sent (same key) only once, with the first answer (found by the soak)', async () => {
		let clock = 0;
		const remembering = createMailHandler({
			...configured(),
			rememberMs: 1_000,
			now: () => clock
		});
		const send = (idempotencyKey: string) =>
			remembering(
				new Request('http://localhost:4173/mail', {
					method: 'POST',
					headers: { 'x-dropship-desk': '1', origin: 'http://localhost:4173' },
					body: JSON.stringify({ smtp: smtp(), message: { ...message, idempotencyKey } })
				})
			).then((r) => r.json());
		const before = received.length;
		const first = await send('email-retried');
		// The answer was lost on its way to the tab, which sends the same email again.
		const again = await send('email-retried');
		expect(again).toEqual(first);
		expect(received.length - before).toBe(1);
		await send('email-other');
		expect(received.length - before).toBe(2);
		// After the window the key is forgotten, as the provider's would be.
		clock = 2_000;
		await send('email-retried');
		expect(received.length - before).toBe(3);
	});

	it('is no open relay: other origins, missing header, GET and unconfigured private hosts are refused', async () => {
		expect(
			(
				await post(
					{ smtp: smtp(), message },
					{ 'x-dropship-desk': '1', origin: 'https://evil.example' }
				)
			).status
		).toBe(403);
		expect(
			(await post({ smtp: smtp(), message }, { origin: 'http://localhost:4173' })).status
		).toBe(403);
		expect((await handler(new Request('http://localhost:4173/mail'))).status).toBe(405);
		// The same request to a server whose operator allowed no private host.
		const strict = createMailHandler({ ...configured(), outbound: { allowHosts: [] } });
		const response = await strict(
			new Request('http://localhost:4173/mail', {
				method: 'POST',
				headers: { 'x-dropship-desk': '1', origin: 'http://localhost:4173' },
				body: JSON.stringify({ smtp: smtp(), message })
			})
		);
		expect(response.status).toBe(403);
		expect(await response.json()).toMatchObject({ ok: false, reason: 'guard' });
		expect(
			(await post({ smtp: smtp(), message: { ...message, to: 'not an address' } })).status
		).toBe(400);
	});
});
