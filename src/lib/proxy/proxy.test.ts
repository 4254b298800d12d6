import { describe, expect, it } from 'vitest';
import { createProxyHandler, type ProxyOptions } from './proxy';

const APP = 'http://localhost:4173';

function setup(options: Partial<ProxyOptions> = {}) {
	const upstream: Request[] = [];
	const logs: unknown[] = [];
	const handler = createProxyHandler({
		appOrigins: [APP],
		fetch: async (input, init) => {
			const request = new Request(input, init);
			upstream.push(request);
			return Response.json(
				{ data: [] },
				{ headers: { 'set-cookie': 'session=abc', 'retry-after': '5', 'x-internal': '1' } }
			);
		},
		log: (entry) => logs.push(entry),
		...options
	});
	return { handler, upstream, logs };
}

const call = (handler: (r: Request) => Promise<Response>, path: string, init: RequestInit = {}) =>
	handler(
		new Request(`${APP}${path}`, {
			...init,
			headers: { origin: APP, ...(init.headers as Record<string, string>) }
		})
	);

describe('the CORS proxy', () => {
	it('forwards an allowed call to the distributor with only the headers the adapter needs', async () => {
		const { handler, upstream } = setup();
		const response = await call(
			handler,
			'/proxy/wps/items?filter%5Bsku%5D=87-4019&include=inventory',
			{
				headers: {
					authorization: 'Bearer demo-wps-token-0000',
					cookie: 'a=b',
					'x-forwarded-for': '10.0.0.1',
					host: 'evil.example',
					accept: 'application/json'
				}
			}
		);
		expect(response.status).toBe(200);
		expect(upstream).toHaveLength(1);
		const sent = upstream[0]!;
		expect(sent.url).toBe(
			'https://api.wps-inc.com/items?filter%5Bsku%5D=87-4019&include=inventory'
		);
		expect(sent.headers.get('authorization')).toBe('Bearer demo-wps-token-0000');
		expect(sent.headers.get('cookie')).toBeNull();
		expect(sent.headers.get('x-forwarded-for')).toBeNull();
		expect(response.headers.get('set-cookie')).toBeNull();
		expect(response.headers.get('x-internal')).toBeNull();
		expect(response.headers.get('retry-after')).toBe('5');
		expect(response.headers.get('access-control-allow-origin')).toBe(APP);
	});

	it.each([
		'/proxy/wps/http://169.254.169.254/latest',
		'/proxy/wps//evil.example/items',
		'/proxy/wps/%2e%2e/%2e%2e/admin',
		'/proxy/wps/items/..%2f..%2fadmin',
		'/proxy/wps/user@evil.example/items',
		'/proxy/wps/admin',
		'/proxy/pu/%5C%5Cevil.example'
	])('case 6: %s is refused and nothing is fetched', async (path) => {
		const { handler, upstream } = setup();
		const response = await call(handler, path);
		// 403, or 404 where URL parsing already folded a dot segment into the distributor name.
		expect([403, 404]).toContain(response.status);
		expect(response.headers.get('x-proxy-stage')).toBe('rejected');
		expect(upstream).toHaveLength(0);
	});

	it.each([
		'/proxy/localhost/items',
		'/proxy/127.0.0.1/x',
		'/proxy/2130706433/x',
		'/proxy/api.wps-inc.com.evil.tld/items',
		'/proxy/__proto__/x'
	])('case 6: an unknown distributor %s is 404 and nothing is fetched', async (path) => {
		const { handler, upstream } = setup();
		expect((await call(handler, path)).status).toBe(404);
		expect(upstream).toHaveLength(0);
	});

	it('case 6: a redirect from the distributor is not followed', async () => {
		const { handler } = setup({
			fetch: async () =>
				new Response(null, { status: 302, headers: { location: 'http://10.0.0.1/' } })
		});
		const response = await call(handler, '/proxy/wps/items');
		expect(response.status).toBe(502);
		expect(await response.json()).toMatchObject({ error: 'redirect_refused' });
	});

	it('case 7: another origin is refused, PUT is 405, a 1 MB body is 413, CORS never says *', async () => {
		const { handler, upstream } = setup();
		const foreign = await handler(
			new Request(`${APP}/proxy/wps/items`, { headers: { origin: 'https://evil.example' } })
		);
		expect(foreign.status).toBe(403);
		expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
		expect((await call(handler, '/proxy/wps/carts', { method: 'PUT', body: '{}' })).status).toBe(
			405
		);
		const big = await call(handler, '/proxy/pu/orders/dropship', {
			method: 'POST',
			body: 'x'.repeat(1024 * 1024)
		});
		expect(big.status).toBe(413);
		const preflight = await call(handler, '/proxy/pu/orders/dropship', { method: 'OPTIONS' });
		expect(preflight.status).toBe(204);
		expect(preflight.headers.get('access-control-allow-origin')).toBe(APP);
		expect(upstream).toHaveLength(0);
	});

	it('moves Tucker key and customer number from headers into the upstream query', async () => {
		const { handler, upstream } = setup();
		await call(handler, '/proxy/tucker/?type=INV&item=160942&output=JSON', {
			headers: { 'x-tucker-apikey': 'CANARYTUCKERKEY', 'x-tucker-cust': '123456' }
		});
		const url = new URL(upstream[0]!.url);
		expect(url.origin + url.pathname).toBe('https://api.tucker.com/bin/trws');
		expect(url.searchParams.get('apikey')).toBe('CANARYTUCKERKEY');
		expect(url.searchParams.get('cust')).toBe('123456');
		expect(upstream[0]!.headers.get('x-tucker-apikey')).toBeNull();
	});

	it('case 8: canary secrets never reach the log or an error body', async () => {
		const { handler, logs } = setup({
			fetch: async () => new Response('boom CANARY', { status: 500 })
		});
		const failing = setup({
			fetch: async () => Promise.reject(new Error('CANARY-TUCKER in message'))
		});
		const headers = {
			authorization: 'Bearer CANARY-AUTH',
			'api-key': 'CANARY-PU',
			'x-tucker-apikey': 'CANARY-TUCKER',
			'x-po-number': 'RL000001'
		};
		await call(handler, '/proxy/wps/items', { headers });
		const error = await call(failing.handler, '/proxy/tucker/?type=INV', { headers });
		expect(error.status).toBe(502);
		expect(await error.text()).not.toContain('CANARY');
		const logged = JSON.stringify([...logs, ...failing.logs]);
		expect(logged).not.toContain('CANARY');
		expect(logged).toContain('RL000001');
	});

	it('answers 504 with a JSON error when the distributor does not answer in time', async () => {
		const { handler } = setup({
			timeoutMs: 20,
			fetch: (_input, init) =>
				new Promise((_, reject) =>
					init?.signal?.addEventListener('abort', () => reject(new Error('aborted')))
				)
		});
		const response = await call(handler, '/proxy/pu/v1/parts/inventory/1401-1193');
		expect(response.status).toBe(504);
		expect(response.headers.get('x-proxy-stage')).toBe('upstream_timeout');
		expect(await response.json()).toEqual({
			error: 'upstream_timeout',
			message: 'The distributor did not answer in time.'
		});
	});

	it('case 29: a flooding client gets 429 with Retry-After; another client is not affected', async () => {
		let t = 0;
		const { handler } = setup({
			rateLimit: 20,
			now: () => t,
			clientKey: (r) => r.headers.get('x-client') ?? 'x'
		});
		const statuses: number[] = [];
		for (let i = 0; i < 200; i++)
			statuses.push(
				(await call(handler, '/proxy/wps/items', { headers: { 'x-client': 'flood' } })).status
			);
		expect(statuses.filter((s) => s === 429)).toHaveLength(180);
		const limited = await call(handler, '/proxy/wps/items', { headers: { 'x-client': 'flood' } });
		expect(limited.headers.get('retry-after')).toBe('60');
		expect(limited.headers.get('x-proxy-stage')).toBe('rejected');
		for (let i = 0; i < 10; i++)
			expect(
				(await call(handler, '/proxy/wps/items', { headers: { 'x-client': 'dealer' } })).status
			).toBe(200);
		t = 61_000;
		expect(
			(await call(handler, '/proxy/wps/items', { headers: { 'x-client': 'flood' } })).status
		).toBe(200);
	});
});
