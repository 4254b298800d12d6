import { page } from '$app/state';

/** What the list reads: a Dexie liveQuery, or anything that calls back with each new page. */
export interface PageSource<T> {
	subscribe(next: (value: T) => void): { unsubscribe(): void };
}

/**
 * A long list read a page at a time: the first `pageSize` rows, `more()` for the next page, and
 * back to the first page when the URL's filters change. The last page read stays in `current`
 * while a longer page or a new filter loads, so the list does not blank in between. Create it
 * while a component initialises, with a function that builds the query for a limit (read again
 * when what it reads changes).
 */
export class PagedList<T> {
	readonly pageSize: number;
	#more = $state({ search: '', limit: 0 });
	current = $state<T>();

	constructor(query: (limit: number) => PageSource<T>, pageSize = 100) {
		this.pageSize = pageSize;
		this.#more = { search: '', limit: pageSize };
		$effect(() => {
			const subscription = query(this.limit).subscribe((next) => (this.current = next));
			return () => subscription.unsubscribe();
		});
	}

	/** The rows to read: the first page, or more once asked for under the same filters. */
	get limit(): number {
		return this.#more.search === page.url.search ? this.#more.limit : this.pageSize;
	}

	more(): void {
		this.#more = { search: page.url.search, limit: this.limit + this.pageSize };
	}
}
