import type { Client } from '$lib/worker-client/client.svelte';

type Products = Extract<Awaited<ReturnType<Client['catalog']['search']>>, { ok: true }>['value'];

/**
 * Results as the dealer types: every keystroke asks the worker, and only the answer to the latest
 * query is shown (an earlier, slower answer must not overwrite it).
 */
export class CatalogSearch {
	#query = $state('');
	products = $state<Products>([]);
	error = $state('');
	isSearching = $state(false);
	#asked = 0;

	constructor(private readonly client: Client) {}

	get query(): string {
		return this.#query;
	}

	set query(value: string) {
		this.#query = value;
		void this.run(value);
	}

	get summary(): string {
		if (!this.#query.trim()) return 'Type to search; results appear as you type.';
		if (this.isSearching && this.products.length === 0) return 'Searching…';
		const n = this.products.length;
		return n === 0 ? 'No product matches.' : `${n}${n >= 25 ? '+' : ''} products`;
	}

	private async run(query: string): Promise<void> {
		const ticket = ++this.#asked;
		this.isSearching = true;
		const result = await this.client.catalog.search({ query, limit: 25 });
		if (ticket !== this.#asked) return;
		this.isSearching = false;
		if (result.ok) {
			this.products = result.value;
			this.error = '';
		} else this.error = result.error.message;
	}
}
