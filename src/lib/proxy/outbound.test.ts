import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMailHandler } from '../mail/mail-handler.ts';
import { startTestSmtpServer, type TestSmtpServer } from '$test-support/mail/smtp-test-server';
import { resolveOutbound } from './outbound.ts';
import { createOutboundFetch } from './outbound-fetch.ts';
import {
	guardedPolicy,
	loopbackOpener,
	startCanary,
	startTlsUpstream,
	stubResolver,
	type Canary
} from '$test-support/proxy/outbound-kit.ts';
import { createProxyHandler } from './proxy.ts';

/**
 * The guard's contract: resolve every address, check them all, pin the one connected to; and the
 * rebinding case (first answer public, the next loopback) through fetch, /mail and the proxy.
 * Every socket stays on loopback (outbound-kit).
 */
const APP = 'http://localhost:4173';
const PUBLIC = '93.184.216.34';
let canary: Canary;
let hitsBefore = 0;
let upstream: Server;
let upstreamPort = 0;

beforeAll(async () => {
	canary = await startCanary();
	upstream = createHttpServer((req, res) => {
		res.setHeader('content-type', 'application/json');
		res.end(JSON.stringify({ host: req.headers.host, path: req.url }));
	});
	await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
	upstreamPort = (upstream.address() as AddressInfo).port;
});
beforeEach(() => {
	hitsBefore = canary.hits();
});
afterAll(async () => {
	await canary.close();
	upstream.close();
});

describe('resolveOutbound', () => {
	it('pins the first address of a public name, keeping the name for TLS', async () => {
		const resolve = stubResolver({ 'api.example.com': [PUBLIC, '2606:2800:220:1::1'] });
		const target = await resolveOutbound({
			host: 'API.Example.com.',
			port: 443,
			policy: { allowHosts: [], resolve }
		});
		expect(target).toEqual({
			ok: true,
			host: 'api.example.com',
			address: PUBLIC,
			family: 4,
			port: 443
		});
	});

	it('refuses a name when any of its addresses is private, and says which', async () => {
		const resolve = stubResolver({ 'both.example': [PUBLIC, '10.1.2.3'] });
		const target = await resolveOutbound({
			host: 'both.example',
			port: 25,
			policy: { allowHosts: [], resolve }
		});
		expect(target).toMatchObject({ ok: false, reason: 'guard' });
		if (!target.ok)
			expect(target.message).toBe('both.example resolves to a private address (10.1.2.3).');
	});

	it('connects only to a canonical address: a resolver answer in another spelling is rewritten, a non-address refused', async () => {
		const resolve = stubResolver({
			'odd.example': '0x5db8d822',
			'loop.example': '2130706433',
			'name.example': 'elsewhere.example'
		});
		const policy = { allowHosts: [], resolve };
		expect(await resolveOutbound({ host: 'odd.example', port: 443, policy })).toMatchObject({
			ok: true,
			address: PUBLIC
		});
		expect(await resolveOutbound({ host: 'loop.example', port: 443, policy })).toMatchObject({
			ok: false,
			reason: 'guard',
			message: 'loop.example resolves to a loopback address (127.0.0.1).'
		});
		expect(await resolveOutbound({ host: 'name.example', port: 443, policy })).toMatchObject({
			ok: false,
			reason: 'guard'
		});
		expect(await resolveOutbound({ host: '0177.1', port: 443, policy })).toMatchObject({
			message: '127.0.0.1 is a loopback address.'
		});
	});

	it('lets the operator allow a named private host, and only that name', async () => {
		const resolve = stubResolver({ 'mail.shop.lan': '10.0.0.25', 'other.lan': '10.0.0.26' });
		const policy = { allowHosts: ['MAIL.shop.lan.'], resolve };
		expect(await resolveOutbound({ host: 'mail.shop.lan', port: 587, policy })).toMatchObject({
			ok: true,
			address: '10.0.0.25'
		});
		expect(await resolveOutbound({ host: 'other.lan', port: 587, policy })).toMatchObject({
			ok: false,
			reason: 'guard'
		});
		expect(await resolveOutbound({ host: '10.0.0.25', port: 587, policy })).toMatchObject({
			ok: false,
			reason: 'guard'
		});
	});

	it('refuses ports outside the list and outside 1–65535, before any lookup', async () => {
		const resolve = stubResolver({ 'smtp.example.com': PUBLIC });
		const policy = { allowHosts: [], resolve };
		for (const port of [22, 0, 70_000, 1.5])
			expect(
				await resolveOutbound({ host: 'smtp.example.com', port, policy, ports: [25, 587] })
			).toMatchObject({ ok: false, reason: 'guard' });
		expect(resolve.calls).toEqual([]);
	});

	it('says dns when the name does not resolve, and timeout when the resolver hangs', async () => {
		const policy = { allowHosts: [], resolve: stubResolver({}) };
		expect(await resolveOutbound({ host: 'nowhere.example', port: 443, policy })).toMatchObject({
			ok: false,
			reason: 'dns'
		});
		const hanging = {
			allowHosts: [],
			resolve: () => new Promise<never>(() => undefined),
			connectTimeoutMs: 20
		};
		expect(
			await resolveOutbound({ host: 'slow.example', port: 443, policy: hanging })
		).toMatchObject({
			ok: false,
			reason: 'timeout'
		});
	});
});

describe('DNS rebinding: the connection goes to the address that was checked', () => {
	/** First answer public, every later one loopback: what a rebinding attacker's DNS does. */
	const rebinding = () => {
		let answers = 0;
		return stubResolver({
			'rebind.example': () => (answers++ === 0 ? PUBLIC : '127.0.0.1'),
			'api.wps-inc.com': () => (answers++ === 0 ? PUBLIC : '127.0.0.1')
		});
	};

	it('fetch: one lookup, the socket opened to the public address, the canary untouched', async () => {
		const resolver = rebinding();
		const opener = loopbackOpener(canary.port, { [PUBLIC]: upstreamPort });
		const guarded = createOutboundFetch(guardedPolicy(resolver, opener));
		const response = await guarded('http://rebind.example:8080/items?page=1');
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ host: 'rebind.example:8080', path: '/items?page=1' });
		expect(resolver.calls).toEqual(['rebind.example']);
		expect(opener.asked).toEqual([PUBLIC]);
		// The next connection is checked afresh, and the private answer is refused.
		const second = await guarded('http://rebind.example:8080/items').catch((e: TypeError) => e);
		expect(second).toBeInstanceOf(TypeError);
		expect((second as TypeError).cause).toMatchObject({ reason: 'guard', phase: 'connect' });
		expect(opener.asked).toEqual([PUBLIC]);
		expect(canary.hits() - hitsBefore).toBe(0);
	});

	it('/mail: the email reaches the server behind the checked address', async () => {
		const smtp: TestSmtpServer = await startTestSmtpServer();
		try {
			const resolver = rebinding();
			const opener = loopbackOpener(canary.port, { [PUBLIC]: smtp.port });
			const handler = createMailHandler({
				appOrigins: [APP],
				outbound: guardedPolicy(resolver, opener)
			});
			const response = await handler(
				new Request(`${APP}/mail`, {
					method: 'POST',
					headers: { origin: APP, 'x-dropship-desk': '1' },
					body: JSON.stringify({
						smtp: {
							host: 'rebind.example',
							port: 587,
							tlsMode: 'none',
							from: 'parts@ridgeline.example'
						},
						message: {
							to: 'cody@example.com',
							subject: 'Shipped',
							text: 't',
							html: 't',
							idempotencyKey: 'e-1'
						}
					})
				})
			);
			expect(response.status).toBe(200);
			expect(smtp.received).toHaveLength(1);
			expect(resolver.calls).toEqual(['rebind.example']);
			expect(opener.asked).toEqual([PUBLIC]);
			expect(canary.hits() - hitsBefore).toBe(0);
		} finally {
			await smtp.close();
		}
	});

	it('the proxy: its fixed host is looked up once, connected to as checked, TLS by name', async () => {
		const wps = await startTlsUpstream();
		try {
			const resolver = rebinding();
			const opener = loopbackOpener(canary.port, { [PUBLIC]: wps.port });
			const proxy = createProxyHandler({
				appOrigins: [APP],
				fetch: createOutboundFetch({ ...guardedPolicy(resolver, opener), extraCa: [wps.ca] })
			});
			const response = await proxy(
				new Request(`${APP}/proxy/wps/items?page=2`, { headers: { origin: APP } })
			);
			expect(response.status).toBe(200);
			// The certificate for api.wps-inc.com was accepted on a socket to the checked address.
			expect(await response.json()).toEqual({
				servername: 'api.wps-inc.com',
				host: 'api.wps-inc.com',
				path: '/items?page=2'
			});
			expect(resolver.calls).toEqual(['api.wps-inc.com']);
			expect(opener.asked).toEqual([PUBLIC]);
			expect(canary.hits() - hitsBefore).toBe(0);
		} finally {
			await wps.close();
		}
	});
});
