import { describe, expect, it } from 'vitest';
import { upstreamsFor } from './allow-list.ts';
import { resolveTarget } from './target.ts';

/** The path checks on their own; proxy-guards.test.ts asserts the same cases fetch nothing. */
const url = (pathname: string, search = '', method: 'GET' | 'POST' | 'DELETE' = 'GET') => {
	const target = resolveTarget(pathname, search, method);
	return target.ok ? target.url.href : target.status;
};

describe('resolveTarget', () => {
	it('builds each distributor URL from the allow-list, keeping path and query as sent', () => {
		expect(url('/proxy/wps/items', '?filter%5Bsku%5D=87-4019&include=inventory')).toBe(
			'https://api.wps-inc.com/items?filter%5Bsku%5D=87-4019&include=inventory'
		);
		expect(url('/proxy/wps/items/1,2')).toBe('https://api.wps-inc.com/items/1,2');
		expect(url('/proxy/wps/carts/DD-0001/items', '', 'POST')).toBe(
			'https://api.wps-inc.com/carts/DD-0001/items'
		);
		expect(url('/proxy/wps/carts/DD-0001', '', 'DELETE')).toBe(
			'https://api.wps-inc.com/carts/DD-0001'
		);
		expect(url('/proxy/pu/v1/parts/inventory/1401-1193,0101-0101')).toBe(
			'https://api.parts-unlimited.com/api/v1/parts/inventory/1401-1193,0101-0101'
		);
		expect(url('/proxy/pu/orders/dropship', '', 'POST')).toBe(
			'https://api.parts-unlimited.com/api/orders/dropship'
		);
		expect(url('/proxy/pu-dealer/quotes/v2/pricefile', '', 'POST')).toBe(
			'https://dealer.parts-unlimited.com/api/quotes/v2/pricefile'
		);
		expect(url('/proxy/tucker/', '?type=INV&item=160942')).toBe(
			'https://api.tucker.com/bin/trws?type=INV&item=160942'
		);
		expect(url('/proxy/tucker', '?type=SHP')).toBe('https://api.tucker.com/bin/trws?type=SHP');
		expect(url('/proxy/pu-stage/v2/orders/dropship', '?page_num=1')).toBe(
			'https://stage-api.lemansplatform.com/api/v2/orders/dropship?page_num=1'
		);
		expect(url('/proxy/tucker-test/', '?type=INV')).toBe(
			'https://apitest.tucker.com/bin/trws?type=INV'
		);
	});

	it("forwards to Automatic only at the address of the proxy's own configuration", () => {
		expect(resolveTarget('/proxy/automatic/order/create', '', 'POST')).toMatchObject({
			ok: false,
			status: 404,
			error: 'not_configured'
		});
		const configured = upstreamsFor('https://ad.rep-gave.example/api/v2');
		const target = resolveTarget('/proxy/automatic/order/create', '', 'POST', configured);
		expect(target.ok && target.url.href).toBe('https://ad.rep-gave.example/api/v2/order/create');
	});

	it.each([
		'/proxy/localhost/items',
		'/proxy/127.0.0.1/items',
		'/proxy/2130706433/items',
		'/proxy/api.wps-inc.com.evil.tld/items',
		'/proxy/api.wps-inc.com/items',
		'/proxy/WPS/items',
		'/proxy/__proto__/items',
		'/proxy/constructor/items',
		'/proxy/',
		'/proxyx/wps/items'
	])('an unknown distributor %s is 404', (path) => {
		expect(url(path)).toBe(404);
	});

	it.each([
		['another host', '/proxy/wps/http://169.254.169.254/latest'],
		['an IP literal', '/proxy/wps/169.254.169.254/items'],
		['IPv6 loopback', '/proxy/wps/[::1]/items'],
		['a decimal IP', '/proxy/wps/2130706433'],
		['localhost', '/proxy/wps/localhost/items'],
		['a look-alike host', '/proxy/wps/api.wps-inc.com.evil.tld/items'],
		['a trailing-dot host', '/proxy/wps/api.wps-inc.com./items'],
		['user@host', '/proxy/wps/items@evil.tld'],
		['encoded @', '/proxy/wps/items%40evil.tld'],
		['//host', '/proxy/wps//evil.tld/items'],
		['scheme-relative at the start', '/proxy/wps//169.254.169.254'],
		['encoded slash traversal', '/proxy/wps/items/..%2f..%2fadmin'],
		['encoded dot segments', '/proxy/wps/items/%2e%2e/%2e%2e/admin'],
		['double-encoded dots', '/proxy/wps/items/%252e%252e/admin'],
		['a raw backslash', '/proxy/wps/items\\..\\admin'],
		['an encoded backslash', '/proxy/pu/v1/parts/%5c%5cevil.tld'],
		['an encoded query', '/proxy/wps/items%3Fx=1'],
		['a control character', '/proxy/wps/items/%0d%0aHost:evil'],
		['bad percent-encoding', '/proxy/wps/items/%zz'],
		['a path outside the prefixes', '/proxy/wps/admin'],
		['a prefix look-alike', '/proxy/wps/itemsX'],
		['a Tucker sub-path', '/proxy/tucker/admin'],
		['the dealer portal outside /quotes', '/proxy/pu-dealer/session']
	])('case 6: %s is 403', (_name, path) => {
		expect(url(path)).toBe(403);
	});

	it('case 7: methods are per route: DELETE only on WPS carts, Tucker GET only', () => {
		expect(url('/proxy/wps/items', '', 'DELETE')).toBe(405);
		expect(url('/proxy/wps/orders/DD-1', '', 'DELETE')).toBe(405);
		expect(url('/proxy/tucker/', '?type=ORD', 'POST')).toBe(405);
		expect(url('/proxy/pu/v1/parts/pricing/1', '', 'POST')).toBe(405);
		const refused = resolveTarget('/proxy/wps/items', '', 'DELETE');
		expect(refused.ok ? '' : refused.allow).toBe('GET');
	});
});
