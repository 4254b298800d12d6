import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectOutbound, OutboundError } from './outbound.ts';
import { createOutboundFetch } from './outbound-fetch.ts';
import {
	loopbackOpener,
	startCanary,
	startTlsUpstream,
	stubResolver,
	type Canary,
	type TlsUpstream
} from '$test-support/proxy/outbound-kit.ts';
import { createProxyHandler } from './proxy.ts';

/**
 * Why a host could not be reached (dns, refused, timeout, tls, guard), as the guard reports it
 * and as the proxy passes it to the page; and TLS checked against the host name, though the
 * socket goes to an address. Every socket stays on loopback (outbound-kit).
 */
const APP = 'http://localhost:4173';
const PUBLIC = '93.184.216.34';
let canary: Canary;
let plain: Server;
let plainPort = 0;
let closedPort = 0;
let silentPort = 0;
let wps: TlsUpstream;
/** Sockets the silent server holds open: the guard must close its side when it gives up. */
const silentOpen = new Set<Socket>();
const silent = createServer((socket) => {
	silentOpen.add(socket);
	socket.resume();
	socket.on('close', () => silentOpen.delete(socket));
});

const listen = async (server: Server | ReturnType<typeof createServer>) => {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return (server.address() as AddressInfo).port;
};

beforeAll(async () => {
	canary = await startCanary();
	wps = await startTlsUpstream();
	plain = createHttpServer((_req, res) => res.end('plain HTTP'));
	plainPort = await listen(plain);
	// A port nothing listens on: connecting there is refused.
	const closed = createServer();
	closedPort = await listen(closed);
	await new Promise((resolve) => closed.close(resolve));
	// Accepts and never speaks: a TLS handshake there waits for ever.
	silentPort = await listen(silent);
});
afterAll(async () => {
	await Promise.all([canary.close(), wps.close()]);
	plain.close();
	silent.close();
});

describe('why a host could not be reached', () => {
	const resolve = stubResolver({ 'api.wps-inc.com': PUBLIC, 'smtp.example.com': PUBLIC });
	const via = (port: number, connectTimeoutMs = 2_000) => ({
		allowHosts: [],
		resolve,
		openSocket: loopbackOpener(canary.port, { [PUBLIC]: port }),
		connectTimeoutMs
	});

	it.each([
		['refused', () => via(closedPort)],
		['tls', () => via(plainPort)],
		['timeout', () => via(silentPort, 100)],
		['dns', () => ({ allowHosts: [], resolve: stubResolver({}) })]
	] as const)('connectOutbound rejects with reason %s', async (reason, policy) => {
		const failure = await connectOutbound({
			host: 'smtp.example.com',
			port: 465,
			policy: policy(),
			tls: true
		}).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(OutboundError);
		expect(failure).toMatchObject({ reason, phase: 'connect' });
	});

	it.each([
		['refused', () => via(closedPort), 'the connection was refused'],
		['tls', () => via(plainPort), 'the secure connection (TLS) failed'],
		['timeout', () => via(silentPort, 100), 'the connection timed out'],
		[
			'dns',
			() => ({ allowHosts: [], resolve: stubResolver({}) }),
			'its address could not be found (DNS)'
		]
	] as const)(
		'the proxy answers 502 with x-proxy-reason %s and says so',
		async (reason, policy, words) => {
			const proxy = createProxyHandler({ appOrigins: [APP], fetch: createOutboundFetch(policy()) });
			const response = await proxy(
				new Request(`${APP}/proxy/wps/items`, { headers: { origin: APP } })
			);
			expect(response.status).toBe(502);
			expect(response.headers.get('x-proxy-reason')).toBe(reason);
			expect(response.headers.get('x-proxy-stage')).toBe('rejected');
			expect(await response.json()).toEqual({
				error: 'upstream_unreachable',
				message: `Could not reach the distributor: ${words}.`
			});
		}
	);

	it('stops at once when the caller aborts during the handshake, leaving no socket open', async () => {
		const guardedFetch = createOutboundFetch(via(silentPort, 5_000));
		const controller = new AbortController();
		setTimeout(() => controller.abort(), 50);
		const started = Date.now();
		const failure = await guardedFetch('https://api.wps-inc.com/items', {
			signal: controller.signal
		}).catch((e: unknown) => e);
		expect(failure).toMatchObject({ name: 'AbortError' });
		expect(Date.now() - started).toBeLessThan(2_000);
		await expect.poll(() => silentOpen.size).toBe(0);
	});

	it("passes the distributor's own 502 through as theirs, with no reason", async () => {
		const proxy = createProxyHandler({
			appOrigins: [APP],
			fetch: async () => new Response('Bad gateway at WPS', { status: 502 })
		});
		const response = await proxy(
			new Request(`${APP}/proxy/wps/items`, { headers: { origin: APP } })
		);
		expect(response.status).toBe(502);
		expect(response.headers.get('x-proxy-reason')).toBeNull();
		expect(response.headers.get('x-proxy-stage')).toBeNull();
	});
});

describe('TLS is checked against the host name, not the pinned address', () => {
	const resolve = stubResolver({ 'api.wps-inc.com': PUBLIC, 'other.example': PUBLIC });
	const policy = () => ({
		allowHosts: [],
		resolve,
		openSocket: loopbackOpener(canary.port, { [PUBLIC]: wps.port }),
		extraCa: [wps.ca]
	});

	it('the certificate for the name is accepted, with the name sent as SNI', async () => {
		const response = await createOutboundFetch(policy())('https://API.wps-inc.com./items');
		expect(await response.json()).toMatchObject({ servername: 'api.wps-inc.com' });
	});

	it('the same server under another name fails as tls, and so does an untrusted CA', async () => {
		const other = await createOutboundFetch(policy())('https://other.example/items').catch(
			(e: TypeError) => e
		);
		expect((other as TypeError).cause).toMatchObject({ reason: 'tls', phase: 'connect' });
		const untrusted = await createOutboundFetch({ ...policy(), extraCa: [] })(
			'https://api.wps-inc.com/items'
		).catch((e: TypeError) => e);
		expect((untrusted as TypeError).cause).toMatchObject({ reason: 'tls', phase: 'connect' });
	});
});
