import type { Order, OrderItem } from '$lib/domain/order';
import { STOREFRONT_NAMES, type StorefrontId } from '$lib/domain/storefront';
import type { StoreOrder } from '$lib/storefronts/types';

/**
 * What one order from the store does to ours. Idempotent by the store's order id and our unique
 * order number: the same order seen again (an overlap window, a second sync, a CSV import of it
 * earlier) changes nothing; a change before any PO is taken over; after a PO it is flagged for
 * the dealer and ours is left as it is; a cancellation in the store always reaches the dealer.
 */
export type StoreOrderDecision =
	| { kind: 'insert' }
	| { kind: 'ignore' }
	| { kind: 'unchanged' }
	| { kind: 'refresh' }
	| { kind: 'replace' }
	| { kind: 'flag'; note: string }
	| { kind: 'cancel'; note: string };

export interface Existing {
	order: Order;
	items: readonly OrderItem[];
	hasPo: boolean;
}

/** The fields an edit in the store can change, in a form that compares by value. */
function fingerprint(
	order: Pick<Order, 'buyer' | 'shipTo'>,
	items: readonly Pick<OrderItem, 'sku' | 'quantity' | 'unitPriceCents'>[]
): string {
	const { name, line1, line2, city, state, postalCode } = order.shipTo;
	return JSON.stringify([
		order.buyer.email.toLowerCase(),
		[name, line1, line2 ?? '', city, state, postalCode],
		items.map((i) => [i.sku, i.quantity, i.unitPriceCents])
	]);
}

export function decideStoreOrder(
	storefrontId: StorefrontId,
	incoming: StoreOrder,
	existing: Existing | null
): StoreOrderDecision {
	const name = STOREFRONT_NAMES[storefrontId];
	// An order first seen cancelled has nothing for the dealer to do; any other comes in, held by
	// storeHold (unpaid, fulfilled there) exactly as an imported order with the same state is.
	if (!existing) return incoming.storeState.isCancelled ? { kind: 'ignore' } : { kind: 'insert' };
	const { order, items, hasPo } = existing;
	const seen = order.store;
	if (seen && seen.orderId !== incoming.storeOrderId) return { kind: 'ignore' };
	if (incoming.storeState.isCancelled) {
		// Cancelled here already (by a sync or by a CSV re-import of the same order): nothing new.
		if (order.storeState?.isCancelled) return { kind: 'unchanged' };
		return {
			kind: 'cancel',
			note: hasPo
				? `Cancelled in ${name} after a PO was placed: cancel the PO with the distributor, or refund.`
				: `Cancelled in ${name}.`
		};
	}
	if (seen && Date.parse(incoming.updatedAt) <= Date.parse(seen.updatedAt))
		return { kind: 'unchanged' };
	const isEdited =
		seen !== undefined && fingerprint(incoming, incoming.items) !== fingerprint(order, items);
	if (!isEdited) return { kind: 'refresh' };
	if (!hasPo) return { kind: 'replace' };
	return {
		kind: 'flag',
		note: `Changed in ${name} after a PO was placed (items or address): check the PO against the store.`
	};
}
