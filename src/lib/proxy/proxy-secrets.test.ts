import { describe, expect, it } from 'vitest';
import { setup, type Upstream } from '$test-support/proxy/proxy-kit.ts';

const CANARIES = {
	authorization: 'Bearer CANARY-AUTH-7f3a',
	'api-key': 'CANARY-APIKEY-91bd',
	'x-tucker-apikey': 'CANARYTUCKERKEY0000000000000',
	'x-tucker-cust': 'CANARY-CUST-4471'
};
const leaks = (text: string) => /CANARY/.test(text);

describe('the CORS proxy: secrets and logs (PROXY-7)', () => {
	const upstreams: Record<string, Upstream> = {
		success: () => Response.json({ ok: true }),
		'distributor error': () => new Response('denied', { status: 401 }),
		// An error whose message quotes the URL, as undici's do: it must go nowhere.
		'network error': (request) => Promise.reject(new TypeError(`fetch failed: ${request.url}`)),
		redirect: () => new Response(null, { status: 302, headers: { location: '/login' } }),
		timeout: () => new Promise(() => undefined)
	};

	it.each(Object.entries(upstreams))(
		'case 8: canaries stay out of the log and error bodies (%s)',
		async (_name, upstream) => {
			const { call, logs, sent } = setup({ upstream, timeoutMs: 20 });
			const paths = ['/proxy/tucker/?type=ORD&po=DD-0001', '/proxy/wps/items', '/proxy/wps/admin'];
			const answers: string[] = [];
			for (const path of paths) {
				const response = await call(path, { headers: { ...CANARIES, 'x-po-number': 'DD-0001' } });
				const text = await response.text();
				if (response.headers.get('x-proxy-stage')) answers.push(text);
				answers.push(JSON.stringify([...response.headers]));
			}
			// The key did go upstream (Tucker's query), so its absence elsewhere means something.
			expect(sent[0]!.url).toContain('CANARYTUCKERKEY');
			expect(leaks(JSON.stringify(logs))).toBe(false);
			for (const answer of answers) expect(leaks(answer)).toBe(false);
			expect(logs).toHaveLength(3);
		}
	);

	it('case 8: a refused request with canaries in the path and query logs none of them', async () => {
		const { call, logs } = setup();
		await call('/proxy/CANARY-ID/x?apikey=CANARY-Q');
		await call('/proxy/tucker/?apikey=CANARY-Q&cust=CANARY-C');
		expect(leaks(JSON.stringify(logs))).toBe(false);
	});

	it('logs only method, distributor, status, latency and a well-formed PO number', async () => {
		let t = 1_000;
		const { call, logs } = setup({
			now: () => t,
			upstream: () => {
				t += 250;
				return Response.json({});
			}
		});
		await call('/proxy/wps/items', { headers: { 'x-po-number': 'DD-0001' } });
		await call('/proxy/wps/items', { headers: { 'x-po-number': 'DD-1 {"forged":true}' } });
		await call('/proxy/nowhere/items');
		expect(logs).toEqual([
			{ method: 'GET', distributor: 'wps', status: 200, latencyMs: 250, poNumber: 'DD-0001' },
			{ method: 'GET', distributor: 'wps', status: 200, latencyMs: 250 },
			{ method: 'GET', distributor: 'unknown', status: 404, latencyMs: 0 }
		]);
	});
});

describe('the CORS proxy: rate limit (PROXY-6)', () => {
	it('case 29: a flooder at 200 req/10 s gets 429 + Retry-After; a dealer at 10 req/10 s sees no error', async () => {
		let t = 0;
		const { handler, sent } = setup({
			now: () => t,
			rateLimit: { limit: 60, windowMs: 60_000 },
			clientKey: (_request, info) => info.clientAddress ?? 'unknown'
		});
		const flooder = { clientAddress: '203.0.113.9' };
		const dealer = { clientAddress: '198.51.100.7' };
		const request = () => new Request('http://localhost:4173/proxy/wps/items');
		const statuses: number[] = [];
		const dealerStatuses: number[] = [];
		for (let i = 0; i < 200; i++) {
			t = i * 50; // 200 requests over 10 s
			const response = await handler(request(), flooder);
			statuses.push(response.status);
			if (response.status === 429) {
				expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
				expect(response.headers.get('x-proxy-stage')).toBe('rejected');
			}
			if (i % 20 === 0) dealerStatuses.push((await handler(request(), dealer)).status);
		}
		expect(statuses.filter((s) => s === 200)).toHaveLength(60);
		expect(statuses.filter((s) => s === 429)).toHaveLength(140);
		expect(dealerStatuses).toEqual(Array(10).fill(200));
		// Refused requests never went upstream.
		expect(sent).toHaveLength(70);
		// Once the window has passed, the flooder is let through again.
		t = 60_001;
		expect((await handler(request(), flooder)).status).toBe(200);
	});

	it('holds a global ceiling however many client keys a flood spreads over', async () => {
		const { handler } = setup({
			now: () => 0,
			globalRateLimit: { limit: 5, windowMs: 10_000 },
			clientKey: (_request, info) => info.clientAddress ?? 'unknown'
		});
		const statuses: number[] = [];
		for (let i = 0; i < 8; i++) {
			const request = new Request('http://localhost:4173/proxy/wps/items');
			statuses.push((await handler(request, { clientAddress: `10.0.0.${i}` })).status);
		}
		expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
	});
});
