import { describe, expect, it } from 'vitest';
import { createLiveFetch } from './transport';

describe('live transport', () => {
	it('sends a distributor URL to our proxy route with method, headers and body intact', async () => {
		const seen: Request[] = [];
		const live = createLiveFetch('http://localhost:4173', async (input, init) => {
			seen.push(new Request(input, init));
			return new Response('{}');
		});
		await live(
			new Request('https://api.parts-unlimited.com/api/orders/dropship', {
				method: 'POST',
				headers: { 'api-key': 'DEMOKEY', 'content-type': 'application/json' },
				body: '{"a":1}'
			})
		);
		const request = seen[0]!;
		expect(request.url).toBe('http://localhost:4173/proxy/pu/orders/dropship');
		expect(request.method).toBe('POST');
		expect(request.headers.get('api-key')).toBe('DEMOKEY');
		expect(await request.text()).toBe('{"a":1}');
	});

	it("moves Tucker's key and customer number out of the URL into headers", async () => {
		const seen: Request[] = [];
		const live = createLiveFetch('http://localhost:4173', async (input, init) => {
			seen.push(new Request(input, init));
			return new Response('{}');
		});
		await live('https://api.tucker.com/bin/trws?apikey=SECRETKEY&cust=123456&type=INV&item=160942');
		const request = seen[0]!;
		expect(request.url).toBe('http://localhost:4173/proxy/tucker/?type=INV&item=160942');
		expect(request.url).not.toContain('SECRETKEY');
		expect(request.headers.get('x-tucker-apikey')).toBe('SECRETKEY');
		expect(request.headers.get('x-tucker-cust')).toBe('123456');
	});

	it('sends a web store URL to the store route that names its host (the proxy decides)', async () => {
		const seen: string[] = [];
		const live = createLiveFetch('http://localhost:4173', async (input, init) => {
			seen.push(new Request(input, init).url);
			return new Response('{}');
		});
		await live('https://ridge-line.myshopify.com/admin/api/2026-10/graphql.json', {
			method: 'POST'
		});
		await live('https://shop.ridgeline.example/wp-json/wc/v3/orders?page=2');
		expect(seen).toEqual([
			'http://localhost:4173/proxy/shopify/ridge-line.myshopify.com/admin/api/2026-10/graphql.json',
			'http://localhost:4173/proxy/woocommerce/shop.ridgeline.example/wp-json/wc/v3/orders?page=2'
		]);
		await expect(live('http://shop.ridgeline.example/wp-json/wc/v3/orders')).rejects.toThrow(
			/Not a distributor address/
		);
	});

	it('refuses any other address', async () => {
		const live = createLiveFetch('http://localhost:4173', async () => new Response('{}'));
		await expect(live('https://evil.example/x')).rejects.toThrow(/Not a distributor address/);
	});
});
