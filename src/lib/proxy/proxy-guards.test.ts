import { describe, expect, it } from 'vitest';
import { setup } from '$test-support/proxy/proxy-kit.ts';

const stream = (bytes: number, chunk = 64 * 1024) => {
	let left = bytes;
	return new ReadableStream<Uint8Array>({
		pull(controller) {
			if (left <= 0) return controller.close();
			const size = Math.min(chunk, left);
			left -= size;
			controller.enqueue(new Uint8Array(size).fill(120));
		}
	});
};

describe('the CORS proxy: refusals (nothing fetched)', () => {
	it.each([
		'/proxy/wps/http://169.254.169.254/latest/meta-data',
		'/proxy/wps/169.254.169.254/items',
		'/proxy/wps/localhost/items',
		'/proxy/wps/2130706433',
		'/proxy/wps/api.wps-inc.com.evil.tld/items',
		'/proxy/wps/api.wps-inc.com./items',
		'/proxy/wps/items@evil.tld',
		'/proxy/wps//evil.tld/items',
		'/proxy/wps/items/..%2f..%2fadmin',
		'/proxy/wps/items/%252e%252e/admin',
		'/proxy/pu/v1/parts/%5c%5cevil.tld',
		'/proxy/wps/admin'
	])('case 6: %s is 403 and no upstream fetch', async (path) => {
		const { call, sent } = setup();
		const response = await call(path);
		expect(response.status).toBe(403);
		expect(response.headers.get('x-proxy-stage')).toBe('rejected');
		expect(await response.json()).toMatchObject({ error: 'target_refused' });
		expect(sent).toHaveLength(0);
	});

	it.each(['/proxy/localhost/x', '/proxy/2130706433/x', '/proxy/api.wps-inc.com.evil.tld/items'])(
		'case 6: unknown distributor %s is 404 JSON and no upstream fetch',
		async (path) => {
			const { call, sent } = setup();
			const response = await call(path);
			expect(response.status).toBe(404);
			expect(await response.json()).toMatchObject({ error: 'unknown_distributor' });
			expect(sent).toHaveLength(0);
		}
	);

	it('case 7: PUT, PATCH and DELETE outside WPS carts are 405 with Allow', async () => {
		const { call, sent } = setup();
		const put = await call('/proxy/wps/carts', { method: 'PUT', body: '{}' });
		expect(put.status).toBe(405);
		expect((await call('/proxy/pu/orders/dropship', { method: 'PATCH' })).status).toBe(405);
		const del = await call('/proxy/wps/items/1', { method: 'DELETE' });
		expect(del.status).toBe(405);
		expect(del.headers.get('allow')).toBe('GET');
		expect(sent).toHaveLength(0);
	});

	it('case 7: a 1 MB body is 413, declared or streamed without a length', async () => {
		const { call, sent } = setup();
		const declared = await call('/proxy/pu/orders/dropship', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: 'x'.repeat(1024 * 1024)
		});
		expect(declared.status).toBe(413);
		const streamed = await call('/proxy/pu/orders/dropship', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: stream(1024 * 1024),
			duplex: 'half'
		});
		expect(streamed.status).toBe(413);
		expect(streamed.headers.get('x-proxy-stage')).toBe('rejected');
		expect(sent).toHaveLength(0);
	});

	it('PROXY-4: a body that is not JSON is 415', async () => {
		const { call, sent } = setup();
		const response = await call('/proxy/pu/orders/dropship', {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'a=1'
		});
		expect(response.status).toBe(415);
		expect(sent).toHaveLength(0);
	});
});

describe('the CORS proxy: upstream trouble', () => {
	it('case 6: a 302 to 10.0.0.1 is not followed: 502 redirect_refused', async () => {
		const { call, sent } = setup({
			upstream: () => new Response(null, { status: 302, headers: { location: 'http://10.0.0.1/' } })
		});
		const response = await call('/proxy/wps/items');
		expect(response.status).toBe(502);
		expect(response.headers.get('x-proxy-stage')).toBe('upstream');
		expect(response.headers.get('location')).toBeNull();
		expect(await response.json()).toMatchObject({ error: 'redirect_refused' });
		expect(sent).toHaveLength(1);
	});

	it("follows a Tucker redirect only to Tucker's own https hosts, at most a few hops", async () => {
		const hops = setup({
			upstream: (request) =>
				new URL(request.url).host === 'api.tucker.com'
					? new Response(null, {
							status: 301,
							headers: { location: 'https://apitest.tucker.com/bin/trws?type=INV' }
						})
					: Response.json({ INV: { status: 'SUCCESSFUL', item: [] } })
		});
		const followed = await hops.call('/proxy/tucker/?type=INV');
		expect(followed.status).toBe(200);
		expect(hops.sent.map((r) => new URL(r.url).host)).toEqual([
			'api.tucker.com',
			'apitest.tucker.com'
		]);
		for (const location of ['https://evil.example/bin/trws', 'http://api.tucker.com/bin/trws']) {
			const away = setup({
				upstream: () => new Response(null, { status: 302, headers: { location } })
			});
			const refused = await away.call('/proxy/tucker/?type=INV');
			expect(refused.status).toBe(502);
			expect(away.sent).toHaveLength(1);
		}
		const loop = setup({
			upstream: () =>
				new Response(null, {
					status: 302,
					headers: { location: 'https://api.tucker.com/bin/trws' }
				})
		});
		expect((await loop.call('/proxy/tucker/?type=INV')).status).toBe(502);
		expect(loop.sent).toHaveLength(4);
	});

	it('PROXY-8: a distributor that does not answer in time is 504 JSON, whether or not fetch heeds the abort', async () => {
		const heeds = setup({
			timeoutMs: 20,
			upstream: (request) =>
				new Promise((_, reject) =>
					request.signal.addEventListener('abort', () => reject(new Error('aborted')))
				)
		});
		const ignores = setup({ timeoutMs: 20, upstream: () => new Promise(() => undefined) });
		for (const { call } of [heeds, ignores]) {
			const response = await call('/proxy/pu/v1/parts/inventory/1401-1193');
			expect(response.status).toBe(504);
			expect(response.headers.get('x-proxy-stage')).toBe('upstream_timeout');
			expect(await response.json()).toMatchObject({ error: 'upstream_timeout' });
		}
	});

	it('PROXY-8: times out a body that stops half-way too', async () => {
		const { call } = setup({
			timeoutMs: 30,
			upstream: () =>
				new Response(
					new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"a":')) })
				)
		});
		expect((await call('/proxy/wps/items')).status).toBe(504);
	});

	it('PROXY-8: an unreachable distributor is 502 upstream, and never retried', async () => {
		const { call, sent } = setup({ upstream: () => Promise.reject(new TypeError('fetch failed')) });
		const failed = await call('/proxy/wps/orders', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{"po_number":"DD-1"}'
		});
		expect(failed.status).toBe(502);
		expect(failed.headers.get('x-proxy-stage')).toBe('upstream');
		const server = setup({ upstream: () => new Response('boom', { status: 500 }) });
		expect((await server.call('/proxy/wps/items')).status).toBe(500);
		expect(sent).toHaveLength(1);
		expect(server.sent).toHaveLength(1);
	});

	it('PROXY-4: an answer over the cap is 502, declared or streamed; feeds get a larger cap', async () => {
		const big = () => new Response(stream(3 * 1024 * 1024));
		const declared = setup({
			upstream: () => new Response('x'.repeat(3 * 1024 * 1024))
		});
		expect((await declared.call('/proxy/wps/items')).status).toBe(502);
		const streamed = setup({ upstream: big });
		const response = await streamed.call('/proxy/wps/items');
		expect(response.status).toBe(502);
		expect(await response.json()).toMatchObject({ error: 'response_too_large' });
		const feed = await streamed.call('/proxy/pu-dealer/quotes/v2/pricefile', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{"dealerCodes":["D1"]}'
		});
		expect(feed.status).toBe(200);
		expect((await feed.arrayBuffer()).byteLength).toBe(3 * 1024 * 1024);
		const small = setup({ upstream: big, maxFeedResponseBytes: 1024 });
		const capped = await small.call('/proxy/pu-dealer/quotes/v2/pricefile', { method: 'POST' });
		expect(capped.status).toBe(502);
	});
});
