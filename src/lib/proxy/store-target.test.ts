import { describe, expect, it } from 'vitest';
import { setup } from '$test-support/proxy/proxy-kit.ts';

const WOO = ['https://shop.ridgeline.example', 'https://ridgeline.example/store'];
const GRAPHQL = '/admin/api/2026-10/graphql.json';

describe('the proxy and the web stores', () => {
	it('forwards Shopify only to *.myshopify.com, only its Admin GraphQL endpoint, only POST, with the token', async () => {
		const { call, sent } = setup();
		const ok = await call(`/proxy/shopify/ridge-line.myshopify.com${GRAPHQL}`, {
			method: 'POST',
			body: '{"query":"query ShopName { shop { name } }"}',
			headers: {
				'content-type': 'application/json',
				'x-shopify-access-token': 'shpat_x',
				cookie: 'a=b'
			}
		});
		expect(ok.status).toBe(200);
		expect(sent[0]?.url).toBe(`https://ridge-line.myshopify.com${GRAPHQL}`);
		expect(sent[0]?.headers.get('x-shopify-access-token')).toBe('shpat_x');
		expect(sent[0]?.headers.get('cookie')).toBeNull();
		for (const path of [
			`/proxy/shopify/evil.example${GRAPHQL}`,
			`/proxy/shopify/ridge-line.myshopify.com.evil.example${GRAPHQL}`,
			'/proxy/shopify/ridge-line.myshopify.com/admin/oauth/access_token',
			`/proxy/shopify/127.0.0.1${GRAPHQL}`
		]) {
			const refused = await call(path, { method: 'POST' });
			expect(refused.status, path).toBe(403);
		}
		expect((await call(`/proxy/shopify/ridge-line.myshopify.com${GRAPHQL}`)).status).toBe(405);
		expect(sent).toHaveLength(1);
	});

	it('forwards WooCommerce only to a store the configuration names, its REST v3 paths, over HTTPS', async () => {
		const { call, sent } = setup({
			wooCommerceStores: WOO,
			upstream: () =>
				Response.json([], {
					headers: { 'x-wp-total': '250', 'x-wp-totalpages': '3', 'x-powered-by': 'PHP' }
				})
		});
		const listed = await call(
			'/proxy/woocommerce/shop.ridgeline.example/wp-json/wc/v3/orders?status=processing&page=2',
			{
				headers: { authorization: 'Basic Y2s6Y3M=' }
			}
		);
		expect(listed.status).toBe(200);
		expect(listed.headers.get('x-wp-totalpages')).toBe('3');
		expect(listed.headers.get('x-powered-by')).toBeNull();
		expect(sent[0]?.url).toBe(
			'https://shop.ridgeline.example/wp-json/wc/v3/orders?status=processing&page=2'
		);
		expect(sent[0]?.headers.get('authorization')).toBe('Basic Y2s6Y3M=');
		const put = await call('/proxy/woocommerce/ridgeline.example/store/wp-json/wc/v3/orders/727', {
			method: 'PUT',
			body: '{"status":"completed"}',
			headers: { 'content-type': 'application/json' }
		});
		expect(put.status).toBe(200);
		expect(sent[1]?.url).toBe('https://ridgeline.example/store/wp-json/wc/v3/orders/727');
		for (const path of [
			'/proxy/woocommerce/other.example/wp-json/wc/v3/orders',
			'/proxy/woocommerce/shop.ridgeline.example/wp-json/wp/v2/users',
			'/proxy/woocommerce/shop.ridgeline.example/wp-admin/admin.php',
			'/proxy/woocommerce/shop.ridgeline.example/wp-json/wc/v3/../../wp/v2/users',
			'/proxy/woocommerce/shop.ridgeline.example:8443/wp-json/wc/v3/orders',
			'/proxy/woocommerce/ridgeline.example/wp-json/wc/v3/orders'
		]) {
			expect((await call(path)).status, path).toBe(403);
		}
		expect(sent).toHaveLength(2);
	});

	it('with no configuration, no WooCommerce store is reachable; PUT stays closed to distributors', async () => {
		const { call, sent } = setup();
		expect(
			(await call('/proxy/woocommerce/shop.ridgeline.example/wp-json/wc/v3/orders')).status
		).toBe(403);
		expect(
			(
				await call('/proxy/pu/orders', {
					method: 'PUT',
					body: '{}',
					headers: { 'content-type': 'application/json' }
				})
			).status
		).toBe(405);
		expect(sent).toHaveLength(0);
	});
});
