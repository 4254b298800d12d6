import { SvelteSet } from 'svelte/reactivity';
import type { OrderItem } from '$lib/domain/order';
import type { Client } from '$lib/worker-client/client.svelte';

/**
 * Which order items qualify for drop-ship right now, asked of the worker's catalog (eligibility
 * per item). Used by the Orders filter and the dashboard count; recomputed when the items change.
 */
export class QualifyingItems {
	ids = $state<ReadonlySet<string>>(new SvelteSet());
	isLoaded = $state(false);
	private run = 0;

	constructor(private readonly client: Client) {}

	async update(items: readonly OrderItem[], isOpen: (item: OrderItem) => boolean): Promise<void> {
		const run = ++this.run;
		const found = new SvelteSet<string>();
		const open = items.filter(isOpen);
		// A few at a time: each answer comes from the worker's in-memory index.
		for (let i = 0; i < open.length; i += 20) {
			const answers = await Promise.all(
				open
					.slice(i, i + 20)
					.map((item) => this.client.catalog.optionsForItem({ orderItemId: item.id }))
			);
			answers.forEach((answer, n) => {
				if (answer.ok && answer.value.options.some((o) => o.isEligible)) found.add(open[i + n]!.id);
			});
			if (run !== this.run) return;
		}
		this.ids = found;
		this.isLoaded = true;
	}

	orders(items: readonly OrderItem[]): Set<string> {
		return new SvelteSet(items.filter((i) => this.ids.has(i.id)).map((i) => i.orderId));
	}
}
