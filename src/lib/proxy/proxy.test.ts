import { describe, expect, it } from 'vitest';
import { APP, setup } from '$test-support/proxy/proxy-kit.ts';

describe('the CORS proxy: what goes through', () => {
	it('forwards an allowed call: URL, method, body and only the allow-listed headers', async () => {
		const { call, sent } = setup();
		const response = await call('/proxy/pu/orders/dropship', {
			method: 'POST',
			body: '{"purchase_order_number":"DD-0001"}',
			headers: {
				'content-type': 'application/json',
				accept: 'application/json',
				'api-key': 'DEMOKEY',
				'idempotency-key': 'k-1',
				'x-po-number': 'DD-0001',
				cookie: 'session=abc',
				host: 'evil.example',
				'x-forwarded-for': '10.0.0.1',
				'x-forwarded-host': 'evil.example',
				'x-custom': 'nope'
			}
		});
		expect(response.status).toBe(200);
		expect(sent).toHaveLength(1);
		const upstream = sent[0]!;
		expect(upstream.url).toBe('https://api.parts-unlimited.com/api/orders/dropship');
		expect(upstream.method).toBe('POST');
		expect(upstream.redirect).toBe('manual');
		expect(await upstream.text()).toBe('{"purchase_order_number":"DD-0001"}');
		expect(Object.fromEntries(upstream.headers)).toEqual({
			'content-type': 'application/json',
			accept: 'application/json',
			'api-key': 'DEMOKEY',
			'idempotency-key': 'k-1',
			'x-po-number': 'DD-0001'
		});
	});

	it('case 7: cookies, host, origin and x-forwarded-for never reach the distributor', async () => {
		const { call, sent } = setup();
		await call('/proxy/wps/items', {
			headers: { cookie: 'a=b', 'x-forwarded-for': '1.2.3.4', authorization: 'Bearer t' }
		});
		const headers = sent[0]!.headers;
		for (const name of ['cookie', 'host', 'origin', 'x-forwarded-for', 'sec-fetch-site'])
			expect(headers.get(name)).toBeNull();
		expect(headers.get('authorization')).toBe('Bearer t');
	});

	it('filters the answer: no set-cookie or unknown headers; status, body, retry-after kept', async () => {
		const { call } = setup({
			upstream: () =>
				new Response('{"message":"Too Many Attempts."}', {
					status: 429,
					headers: {
						'content-type': 'application/json',
						'retry-after': '60',
						'set-cookie': 'laravel_session=x',
						server: 'nginx',
						'x-powered-by': 'PHP'
					}
				})
		});
		const response = await call('/proxy/wps/items');
		expect(response.status).toBe(429);
		expect(await response.json()).toEqual({ message: 'Too Many Attempts.' });
		expect(response.headers.get('retry-after')).toBe('60');
		expect(response.headers.get('content-type')).toBe('application/json');
		for (const name of ['set-cookie', 'server', 'x-powered-by'])
			expect(response.headers.get(name)).toBeNull();
		// The distributor's own answer: no proxy stage, so the client knows who said 429.
		expect(response.headers.get('x-proxy-stage')).toBeNull();
	});

	it('passes a 204 (WPS cart delete) through without a body', async () => {
		const { call, sent } = setup({ upstream: () => new Response(null, { status: 204 }) });
		const response = await call('/proxy/wps/carts/DD-0001', { method: 'DELETE' });
		expect(response.status).toBe(204);
		expect(sent[0]!.method).toBe('DELETE');
	});

	it("PROXY-6b: Tucker's key and customer number move from headers into the upstream query", async () => {
		const { call, sent } = setup();
		await call('/proxy/tucker/?type=INV&item=160942&item=BA0006&output=JSON', {
			headers: { 'x-tucker-apikey': 'CANARYTUCKERKEY000000000000', 'x-tucker-cust': '123456' }
		});
		const url = new URL(sent[0]!.url);
		expect(url.origin + url.pathname).toBe('https://api.tucker.com/bin/trws');
		expect(url.searchParams.get('apikey')).toBe('CANARYTUCKERKEY000000000000');
		expect(url.searchParams.get('cust')).toBe('123456');
		expect(url.searchParams.getAll('item')).toEqual(['160942', 'BA0006']);
		expect(sent[0]!.headers.get('x-tucker-apikey')).toBeNull();
		expect(sent[0]!.headers.get('x-tucker-cust')).toBeNull();
	});

	it('sends the Tucker headers to no one else', async () => {
		const { call, sent } = setup();
		await call('/proxy/wps/items', { headers: { 'x-tucker-apikey': 'K', 'x-tucker-cust': '1' } });
		expect(sent[0]!.url).toBe('https://api.wps-inc.com/items');
		expect(sent[0]!.headers.get('x-tucker-apikey')).toBeNull();
	});
});

describe('the CORS proxy: CORS', () => {
	it('case 7: answers CORS for the app origin only: that exact value, never *, no credentials', async () => {
		const { call, handler } = setup();
		const fromApp = await call('/proxy/wps/items');
		expect(fromApp.headers.get('access-control-allow-origin')).toBe(APP);
		expect(fromApp.headers.get('access-control-allow-credentials')).toBeNull();
		expect(fromApp.headers.get('access-control-expose-headers')).toContain('x-proxy-stage');
		expect(fromApp.headers.get('vary')).toContain('Origin');
		const sameOrigin = await handler(new Request(`${APP}/proxy/wps/items`));
		expect(sameOrigin.status).toBe(200);
		expect(sameOrigin.headers.get('access-control-allow-origin')).toBeNull();
	});

	it('case 7: a wrong Origin is 403 with no CORS header and nothing fetched, preflight included', async () => {
		const { call, sent } = setup();
		for (const origin of [
			'https://evil.example',
			'null',
			`${APP}.evil.tld`,
			'http://localhost:5173'
		]) {
			for (const method of ['GET', 'OPTIONS']) {
				const response = await call('/proxy/wps/items', { method, headers: { origin } });
				expect(response.status).toBe(403);
				expect(response.headers.get('x-proxy-stage')).toBe('rejected');
				expect(response.headers.get('access-control-allow-origin')).toBeNull();
			}
		}
		expect(sent).toHaveLength(0);
	});

	it('refuses a cross-site request that carries no Origin (an <img> on another site)', async () => {
		const { handler, sent } = setup();
		const response = await handler(
			new Request(`${APP}/proxy/wps/items`, { headers: { 'sec-fetch-site': 'cross-site' } })
		);
		expect(response.status).toBe(403);
		expect(sent).toHaveLength(0);
	});

	it('answers the preflight from the app origin with the allowed methods and headers', async () => {
		const { call, sent } = setup();
		const response = await call('/proxy/pu/orders/dropship', {
			method: 'OPTIONS',
			headers: { 'access-control-request-method': 'POST' }
		});
		expect(response.status).toBe(204);
		expect(response.headers.get('access-control-allow-origin')).toBe(APP);
		expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, DELETE');
		expect(response.headers.get('access-control-allow-headers')).toContain('x-tucker-apikey');
		expect(response.headers.get('access-control-allow-headers')).not.toContain('cookie');
		expect(sent).toHaveLength(0);
	});

	it('case 7: with the custom-header gate on, a request without it is 403 and not forwarded', async () => {
		const { call, sent } = setup({ requiredHeader: { name: 'x-dropship-desk', value: '1' } });
		const missing = await call('/proxy/wps/items');
		expect(missing.status).toBe(403);
		expect(missing.headers.get('x-proxy-stage')).toBe('rejected');
		const preflight = await call('/proxy/wps/items', { method: 'OPTIONS' });
		expect(preflight.headers.get('access-control-allow-headers')).toContain('x-dropship-desk');
		expect((await call('/proxy/wps/items', { headers: { 'x-dropship-desk': '1' } })).status).toBe(
			200
		);
		expect(sent).toHaveLength(1);
		expect(sent[0]!.headers.get('x-dropship-desk')).toBeNull();
	});
});
