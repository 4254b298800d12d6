import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_ORDER_FILTER, parseOrderFilter } from '$lib/domain/order-filter';
import { UrlFilter } from './url-filter.svelte';

// The router, as SvelteKit gives it to the page: the current URL and goto.
const router = vi.hoisted(() => ({ url: new URL('http://localhost/orders') }));
vi.mock('$app/state', () => ({
	page: {
		get url() {
			return router.url;
		}
	}
}));
const goto = vi.hoisted(() => vi.fn(async () => {}));
vi.mock('$app/navigation', () => ({ goto }));

beforeEach(() => {
	goto.mockClear();
});

describe('UrlFilter', () => {
	it('reads the filters from the URL', () => {
		router.url = new URL('http://localhost/orders?state=shipped&q=cody&from=2025-01-01');
		const filter = new UrlFilter(parseOrderFilter);
		expect(filter.value).toEqual({
			...EMPTY_ORDER_FILTER,
			state: 'shipped',
			q: 'cody',
			from: '2025-01-01'
		});
	});

	it('writes a change to the URL without a history entry, a scroll or a focus change', async () => {
		router.url = new URL('http://localhost/orders?state=shipped');
		const filter = new UrlFilter(parseOrderFilter);
		await filter.update({ distributor: 'pu' });
		expect(goto).toHaveBeenCalledWith('/orders?state=shipped&distributor=pu', {
			replaceState: true,
			keepFocus: true,
			noScroll: true
		});
	});

	it('leaves the query string off when no filter is used', async () => {
		router.url = new URL('http://localhost/orders?q=x');
		const filter = new UrlFilter(parseOrderFilter);
		await filter.set(EMPTY_ORDER_FILTER);
		expect(goto).toHaveBeenCalledWith('/orders', expect.objectContaining({ replaceState: true }));
	});
});
