import { describe, expect, it } from 'vitest';
import { useCanary } from '$test-support/proxy/canary-hooks.ts';
import { guardedPolicy, loopbackOpener, stubResolver } from '$test-support/proxy/outbound-kit.ts';
import { createOutboundFetch } from './outbound-fetch.ts';
import { createProxyHandler, proxyOptionsFrom } from './proxy.ts';
import { ServerConfig } from './server-config.ts';

/**
 * A WooCommerce store lives on the dealer's own domain, so naming it in the configuration is not
 * enough: the proxy's forward goes through the outbound guard like a distributor's, and a store
 * name that resolves privately is refused unless the operator allows that host. The resolver is
 * stubbed and every socket goes to a canary on 127.0.0.1, so nothing leaves loopback.
 */
const APP = 'http://localhost:4173';
const ORDERS = '/proxy/woocommerce/shop.ridgeline.example/wp-json/wc/v3/orders?status=processing';
const canary = useCanary();
const { leaks } = canary;

function proxyFor(address: string, allowHosts: string[] = []) {
	const resolver = stubResolver({ 'shop.ridgeline.example': address });
	const opener = loopbackOpener(canary.port);
	const config = ServerConfig.parse({
		woocommerce: { stores: ['https://shop.ridgeline.example'] },
		outbound: { allowHosts }
	});
	const options = proxyOptionsFrom(config);
	const proxy = createProxyHandler({
		appOrigins: [APP],
		...options,
		fetch: createOutboundFetch(guardedPolicy(resolver, opener, options.outbound?.allowHosts))
	});
	const call = () => proxy(new Request(`${APP}${ORDERS}`, { headers: { origin: APP } }));
	return { call, resolver, opener };
}

describe('a WooCommerce store through the outbound guard', () => {
	it.each(['127.0.0.1', '10.0.0.5', '192.168.1.20', '169.254.169.254', '::1', 'fe80::1'])(
		'a configured store that resolves to %s is refused, nothing connects',
		async (address) => {
			const { call, resolver, opener } = proxyFor(address);
			const response = await call();
			expect(response.status).toBe(502);
			expect(response.headers.get('x-proxy-reason')).toBe('guard');
			expect(resolver.calls).toEqual(['shop.ridgeline.example']);
			expect(opener.asked).toEqual([]);
			expect(leaks()).toBe(0);
		}
	);

	it("a store inside the dealer's network is reached only when the operator allows its host, at the checked address", async () => {
		const { call, opener } = proxyFor('10.0.0.5', ['shop.ridgeline.example']);
		const response = await call();
		// The canary speaks no TLS: the exchange fails, but the connection went to the pinned address.
		expect(response.status).toBe(502);
		expect(response.headers.get('x-proxy-reason')).not.toBe('guard');
		expect(opener.asked).toEqual(['10.0.0.5']);
		await expect.poll(leaks).toBe(1);
	});

	it('a store the configuration does not name is refused before any lookup', async () => {
		const resolver = stubResolver({ 'other.example': '93.184.216.34' });
		const proxy = createProxyHandler({
			appOrigins: [APP],
			...proxyOptionsFrom(ServerConfig.parse({})),
			fetch: createOutboundFetch(guardedPolicy(resolver, loopbackOpener(canary.port)))
		});
		const response = await proxy(
			new Request(`${APP}/proxy/woocommerce/other.example/wp-json/wc/v3/orders`, {
				headers: { origin: APP }
			})
		);
		expect(response.status).toBe(403);
		expect(resolver.calls).toEqual([]);
		expect(leaks()).toBe(0);
	});
});
