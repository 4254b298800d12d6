import { beforeEach, describe, expect, it } from 'vitest';
import { useCanary } from '$test-support/proxy/canary-hooks.ts';
import { createMailHandler } from '../mail/mail-handler.ts';
import { createOutboundFetch } from './outbound-fetch.ts';
import { guardedPolicy, loopbackOpener, stubResolver } from '$test-support/proxy/outbound-kit.ts';
import { createProxyHandler } from './proxy.ts';

/**
 * Issue 20's table: however a loopback or private host is spelled, and whatever a name resolves
 * to, neither /mail nor the proxy connects to it. Every socket the guard would open goes to a
 * canary listener on 127.0.0.1 instead, so a leak is a canary hit, and nothing leaves loopback.
 */
const APP = 'http://localhost:4173';
const canary = useCanary();
const { leaks } = canary;

/** Names and what the stubbed DNS says they are. */
const DNS = {
	localhost: ['127.0.0.1', '::1'],
	'sub.localhost': '127.0.0.1',
	'loopback.example': '127.0.0.1',
	'v6-loopback.example': '::1',
	'mapped.example': '::ffff:127.0.0.1',
	'unspecified.example': '0.0.0.0',
	'metadata.example': '169.254.169.254',
	'office.example': '192.168.1.20',
	'cgnat.example': '100.64.0.7',
	'ula.example': 'fd00::25',
	'both.example': ['93.184.216.34', '127.0.0.1']
};

const HOST_SPELLINGS = [
	'127.0.0.1',
	'127.1',
	'127.0.1',
	'2130706433',
	'0x7f000001',
	'0X7F000001',
	'0x7f.1',
	'0177.0.0.1',
	'0177.1',
	'017700000001',
	'0',
	'0.0.0.0',
	'127.0.0.1.',
	'localhost',
	'LOCALHOST',
	'localhost.',
	'LocalHost.',
	'sub.localhost',
	...Object.keys(DNS).filter((name) => name.endsWith('.example')),
	'LOOPBACK.EXAMPLE.',
	'::1',
	'[::1]',
	'0:0:0:0:0:0:0:1',
	'::',
	'::ffff:127.0.0.1',
	'[::FFFF:7F00:1]',
	'fe80::1'
];

describe('/mail never reaches a loopback or private host, however it is spelled', () => {
	let resolver: ReturnType<typeof stubResolver>;
	let opener: ReturnType<typeof loopbackOpener>;
	let handler: ReturnType<typeof createMailHandler>;

	beforeEach(() => {
		resolver = stubResolver(DNS);
		opener = loopbackOpener(canary.port);
		// The canary's port is allowed: only the address can stop these requests.
		handler = createMailHandler({
			appOrigins: [APP],
			outbound: guardedPolicy(resolver, opener),
			ports: [canary.port, 587]
		});
	});

	const send = (host: string, port = canary.port) =>
		handler(
			new Request(`${APP}/mail`, {
				method: 'POST',
				headers: { origin: APP, 'x-dropship-desk': '1' },
				body: JSON.stringify({
					smtp: { host, port, tlsMode: 'none', from: 'parts@ridgeline.example' },
					message: {
						to: 'cody@example.com',
						subject: 'Your order is on the way',
						text: 't',
						html: '<p>t</p>',
						idempotencyKey: 'email-1'
					}
				})
			})
		);

	it.each(HOST_SPELLINGS)('%s is refused and nothing connects', async (host) => {
		const response = await send(host);
		expect(response.status).toBeGreaterThanOrEqual(400);
		expect(response.status).toBeLessThan(500);
		expect(opener.asked).toEqual([]);
		expect(leaks()).toBe(0);
	});

	it('says the guard refused it, in words', async () => {
		const body = await (await send('0x7f000001')).json();
		expect(body).toMatchObject({ ok: false, reason: 'guard' });
		expect(body.message).toMatch(/^Could not reach the mail server 0x7f000001: .*private or local/);
	});

	it('control: the harness sees a leak; a name the operator allows does reach the canary', async () => {
		handler = createMailHandler({
			appOrigins: [APP],
			outbound: guardedPolicy(resolver, opener, ['loopback.example']),
			ports: [canary.port]
		});
		const response = await send('loopback.example');
		expect(response.status).toBe(502);
		expect(opener.asked).toEqual(['127.0.0.1']);
		await expect.poll(leaks).toBe(1);
		// Allowing a name allows that name only: another spelling of its address is still refused.
		expect((await send('127.1')).status).toBe(403);
		expect(opener.asked).toEqual(['127.0.0.1']);
	});
});

/** The addresses a distributor's host might resolve to, in every form a resolver could hand back. */
const RESOLVED = [
	'127.0.0.1',
	'127.1',
	'2130706433',
	'0',
	'0.0.0.0',
	'10.0.0.1',
	'172.16.5.4',
	'192.168.1.1',
	'169.254.169.254',
	'100.64.0.1',
	'224.0.0.1',
	'::1',
	'::',
	'::ffff:127.0.0.1',
	'::ffff:7f00:1',
	'fd00::1',
	'fe80::1',
	'64:ff9b::7f00:1',
	['93.184.216.34', '127.0.0.1'],
	['2606:4700::1', '::1']
];

describe('the proxy never reaches a distributor host that resolves privately', () => {
	it.each(RESOLVED.map((addresses) => ({ addresses })))(
		'api.wps-inc.com → $addresses is refused with reason guard',
		async ({ addresses }) => {
			const resolver = stubResolver({ 'api.wps-inc.com': addresses });
			const opener = loopbackOpener(canary.port);
			const proxy = createProxyHandler({
				appOrigins: [APP],
				fetch: createOutboundFetch(guardedPolicy(resolver, opener))
			});
			const response = await proxy(
				new Request(`${APP}/proxy/wps/items`, { headers: { origin: APP } })
			);
			expect(response.status).toBe(502);
			expect(response.headers.get('x-proxy-reason')).toBe('guard');
			// Refused before anything was sent: safe to send again.
			expect(response.headers.get('x-proxy-stage')).toBe('rejected');
			expect(resolver.calls).toEqual(['api.wps-inc.com']);
			expect(opener.asked).toEqual([]);
			expect(leaks()).toBe(0);
		}
	);
});
