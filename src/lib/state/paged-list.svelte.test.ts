import { flushSync } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { PagedList, type PageSource } from './paged-list.svelte';

// The router, as SvelteKit gives it to the page: the current URL (its filters).
const router = vi.hoisted(() => ({ url: new URL('http://localhost/orders') }));
vi.mock('$app/state', () => ({
	page: {
		get url() {
			return router.url;
		}
	}
}));

/** A query that answers each limit with the limit itself, and records what was asked. */
function source(asked: number[]) {
	return (limit: number): PageSource<number> => ({
		subscribe(next) {
			asked.push(limit);
			next(limit);
			return { unsubscribe() {} };
		}
	});
}

describe('PagedList', () => {
	it('reads the first page, one page more on asking, and the first page again for new filters', () => {
		router.url = new URL('http://localhost/orders');
		const asked: number[] = [];
		let list: PagedList<number> | undefined;
		const stop = $effect.root(() => {
			list = new PagedList(source(asked), 50);
		});
		flushSync();
		expect(list?.current).toBe(50);

		list?.more();
		flushSync();
		list?.more();
		flushSync();
		expect(list?.current).toBe(150);

		router.url = new URL('http://localhost/orders?state=shipped');
		expect(list?.limit).toBe(50);
		expect(asked).toEqual([50, 100, 150]);
		stop();
	});
});
