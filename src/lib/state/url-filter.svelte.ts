import { goto } from '$app/navigation';
import { page } from '$app/state';
import { filterToParams } from '$lib/domain/list-filter';

/**
 * A list's filters, kept in the URL query string so a reload or a shared link shows the same
 * list. The URL is the only copy: `value` is read from it and `update` writes it, replacing the
 * history entry (filtering is not navigation), keeping focus in the field being typed in, and
 * leaving the scroll where it is.
 */
export class UrlFilter<T extends object> {
	readonly value: T = $derived.by(() => this.parse(page.url.searchParams));

	constructor(private readonly parse: (params: URLSearchParams) => T) {}

	update(patch: Partial<T>): Promise<void> {
		return this.set({ ...this.value, ...patch });
	}

	set(next: T): Promise<void> {
		const query = filterToParams(next).toString();
		const target = query ? `${page.url.pathname}?${query}` : page.url.pathname;
		// eslint-disable-next-line svelte/no-navigation-without-resolve -- the router gave this path; only the query changes
		return goto(target, { replaceState: true, keepFocus: true, noScroll: true });
	}
}
