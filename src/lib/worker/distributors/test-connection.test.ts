import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundPolicy } from '$lib/proxy/outbound';
import { createOutboundFetch } from '$lib/proxy/outbound-fetch';
import { createProxyHandler } from '$lib/proxy/proxy';
import {
	loopbackOpener,
	startCanary,
	stubResolver,
	type Canary
} from '$test-support/proxy/outbound-kit';
import { createTestDeps } from '$test-support/worker/test-deps';
import { createApi } from '../api';
import { createLiveFetch } from '../core/transport';

/**
 * Test connection in live mode, the whole way: the worker's live transport → our proxy → the
 * outbound guard → (stubbed DNS, sockets kept on loopback). With no route to WPS the dealer reads
 * that the app could not reach it and why; a 502 that WPS itself sends is still WPS's problem.
 */
const APP = 'http://localhost:4173';
const WPS = 'api.wps-inc.com';
const PUBLIC = '192.0.43.10';
let canary: Canary;
let closedPort = 0;
let silent: Server;
let plain: Server;

const listen = async (server: Server) => {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return (server.address() as AddressInfo).port;
};

beforeAll(async () => {
	canary = await startCanary();
	const closed = createServer();
	closedPort = await listen(closed);
	await new Promise((resolve) => closed.close(resolve));
	silent = createServer(() => undefined);
	plain = createServer((socket) => socket.end('HTTP/1.1 200 OK\r\n\r\n'));
	await Promise.all([listen(silent), listen(plain)]);
});
afterAll(async () => {
	await canary.close();
	silent.close();
	plain.close();
});

const portOf = (server: Server) => (server.address() as AddressInfo).port;

async function testConnection(upstream: typeof fetch) {
	const proxy = createProxyHandler({
		appOrigins: [APP],
		requiredHeader: { name: 'x-dropship-desk', value: '1' },
		fetch: upstream
	});
	// The page's fetch, as the worker sees it: same origin, so the browser adds Origin.
	const toProxy: typeof fetch = async (input, init) => {
		const request = new Request(input, init);
		request.headers.set('origin', APP);
		return proxy(request);
	};
	const deps = createTestDeps({ fetch: createLiveFetch(APP, toProxy) });
	const api = createApi(deps);
	await api.distributors.saveAccount({
		distributorId: 'wps',
		credentials: { apiToken: 'CANARY-WPS-TOKEN' }
	});
	const result = await api.distributors.testConnection({ distributorId: 'wps' });
	const saved = await deps.db.distributors.get('wps');
	return { result, lastTest: saved?.lastTest };
}

const guarded = (policy: Partial<OutboundPolicy>) =>
	createOutboundFetch({ allowHosts: [], connectTimeoutMs: 200, ...policy });
const routedTo = (port: () => number) => ({
	resolve: stubResolver({ [WPS]: PUBLIC }),
	openSocket: loopbackOpener(canary.port, { [PUBLIC]: port() })
});

describe('Test connection says who is at fault', () => {
	it.each([
		['DNS', { resolve: stubResolver({}) }, 'its address could not be found (DNS)'],
		['refused', () => routedTo(() => closedPort), 'the connection was refused'],
		['timeout', () => routedTo(() => portOf(silent)), 'the connection timed out'],
		['TLS', () => routedTo(() => portOf(plain)), 'the secure connection (TLS) failed'],
		[
			'guard',
			{ resolve: stubResolver({ [WPS]: '10.0.0.5' }), openSocket: loopbackOpener(0) },
			'its address is a private or local network address, which this server does not call'
		]
	] as const)(
		'no route to WPS (%s): "could not reach Western Power Sports: …"',
		async (_name, policy, words) => {
			const { result, lastTest } = await testConnection(
				guarded(typeof policy === 'function' ? policy() : policy)
			);
			const message = `Could not reach Western Power Sports: ${words}.`;
			expect(result).toMatchObject({ ok: false, error: { code: 'transient', message } });
			expect(lastTest).toMatchObject({ ok: false, message });
		}
	);

	it("WPS's own 502 is still theirs", async () => {
		const { result } = await testConnection(
			async () => new Response('<html>Bad Gateway</html>', { status: 502 })
		);
		expect(result).toMatchObject({
			ok: false,
			error: { message: 'Western Power Sports had a problem on their side (error 502).' }
		});
	});
});
