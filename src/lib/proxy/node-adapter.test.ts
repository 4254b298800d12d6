import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeHandler } from './node-adapter.ts';
import { createProxyHandler, type ProxyLogEntry } from './proxy.ts';

/**
 * End to end over real HTTP: a client → the proxy on node:http (127.0.0.1, port 0) → a stub
 * distributor on node:http. The only shortcut: the injected fetch sends the allow-listed https URL
 * to the stub's address instead, recording which host it was meant for.
 */
interface Seen {
	method: string;
	url: string;
	headers: IncomingMessage['headers'];
	body: string;
}
const seen: Seen[] = [];
const intendedHosts: string[] = [];
const logs: ProxyLogEntry[] = [];
let stubBase = '';
let proxyBase = '';
const servers: Server[] = [];

const listen = (server: Server) =>
	new Promise<string>((resolve) => {
		servers.push(server);
		server.listen(0, '127.0.0.1', () => {
			resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
		});
	});

beforeAll(async () => {
	stubBase = await listen(
		createServer((req, res) => {
			let body = '';
			req.on('data', (chunk) => (body += String(chunk)));
			req.on('end', () => {
				seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
				if (req.url?.includes('slow')) return; // never answers
				res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'sid=1' });
				res.end(JSON.stringify({ availability: [{ partNumber: '1401-1193' }] }));
			});
		})
	);
	const handler = createProxyHandler({
		appOrigins: ['http://localhost:4173'],
		timeoutMs: 200,
		rateLimit: { limit: 50, windowMs: 60_000 },
		clientKey: (_request, info) => info.clientAddress ?? 'none',
		log: (entry) => logs.push(entry),
		fetch: (input, init) => {
			const url = new URL(input instanceof Request ? input.url : input);
			intendedHosts.push(url.host);
			return fetch(new URL(url.pathname + url.search, stubBase), init);
		}
	});
	proxyBase = await listen(
		createServer(nodeHandler(handler, { origin: () => proxyBase, maxBodyBytes: 512 * 1024 }))
	);
});

afterAll(() => {
	for (const server of servers) server.closeAllConnections();
	for (const server of servers) server.close();
});

describe('node adapter + proxy over real HTTP', () => {
	it('forwards an allowed call end to end, stripping cookies both ways', async () => {
		const response = await fetch(`${proxyBase}/proxy/pu/v1/parts/inventory/1401-1193`, {
			headers: { 'api-key': 'DEMOKEY', cookie: 'a=b', origin: 'http://localhost:4173' }
		});
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ availability: [{ partNumber: '1401-1193' }] });
		expect(response.headers.get('set-cookie')).toBeNull();
		expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:4173');
		expect(intendedHosts).toEqual(['api.parts-unlimited.com']);
		const upstream = seen.at(-1)!;
		expect(upstream.url).toBe('/api/v1/parts/inventory/1401-1193');
		expect(upstream.headers['api-key']).toBe('DEMOKEY');
		expect(upstream.headers.cookie).toBeUndefined();
		expect(logs.at(-1)).toMatchObject({ method: 'GET', distributor: 'pu', status: 200 });
	});

	it('carries a JSON POST body through', async () => {
		const response = await fetch(`${proxyBase}/proxy/wps/carts`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
			body: '{"po_number":"DD-0001"}'
		});
		expect(response.status).toBe(200);
		expect(seen.at(-1)).toMatchObject({
			method: 'POST',
			url: '/carts',
			body: '{"po_number":"DD-0001"}'
		});
	});

	it.each([
		['of 400 KB', 400 * 1024],
		['of 2 MB', 2 * 1024 * 1024]
	])('case 7: a body %s is answered 413 (not a reset) and not forwarded', async (_name, size) => {
		const before = seen.length;
		const response = await fetch(`${proxyBase}/proxy/pu/orders/dropship`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: 'x'.repeat(size)
		});
		expect(response.status).toBe(413);
		expect(response.headers.get('x-proxy-stage')).toBe('rejected');
		expect(seen.length).toBe(before);
	});

	it('refuses a request target that names a host ("//evil.tld/…", absolute-form)', async () => {
		for (const path of ['//evil.tld/proxy/wps/items', 'http://evil.tld/proxy/wps/items']) {
			const status = await new Promise<number>((resolve, reject) => {
				const url = new URL(proxyBase);
				const req = httpRequest({ host: url.hostname, port: url.port, path }, (res) => {
					res.resume();
					resolve(res.statusCode ?? 0);
				});
				req.on('error', reject);
				req.end();
			});
			expect(status).toBe(400);
		}
		expect(intendedHosts).not.toContain('evil.tld');
	});

	it('answers 504 upstream_timeout when the distributor hangs', async () => {
		const response = await fetch(`${proxyBase}/proxy/wps/items/slow`);
		expect(response.status).toBe(504);
		expect(response.headers.get('x-proxy-stage')).toBe('upstream_timeout');
		expect(await response.json()).toMatchObject({ error: 'upstream_timeout' });
	});

	it('passes the caller address as the rate-limit key', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 50; i++)
			statuses.push((await fetch(`${proxyBase}/proxy/nowhere/x`)).status);
		expect(statuses.at(-1)).toBe(429);
	});
});
