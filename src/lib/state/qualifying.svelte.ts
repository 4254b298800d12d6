import { SvelteSet } from 'svelte/reactivity';
import type { OrderItem } from '$lib/domain/order';
import type { Client } from '$lib/worker-client/client.svelte';

/** Items asked about per call (the worker takes up to 5000). */
const BATCH = 1000;

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
		// Ids only, in large batches: a count needs no offers sent across (each answer is
		// deserialised on the main thread).
		for (let i = 0; i < open.length; i += BATCH) {
			const answer = await this.client.catalog.qualifyingItems({
				orderItemIds: open.slice(i, i + BATCH).map((item) => item.id)
			});
			if (answer.ok) answer.value.forEach((id) => found.add(id));
			if (run !== this.run) return;
		}
		this.ids = found;
		this.isLoaded = true;
	}

	orders(items: readonly OrderItem[]): Set<string> {
		return new SvelteSet(items.filter((i) => this.ids.has(i.id)).map((i) => i.orderId));
	}
}
