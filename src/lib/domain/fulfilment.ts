import { needsDropship, type FulfilmentState, type LineFacts, type OrderItem } from './order';
import type { PoLine, PurchaseOrder } from './purchase-order';

/** POs that no longer stand for goods on the way. */
const DEAD_STATES = new Set(['failed', 'cancelled', 'draft']);

/** A PO still standing for goods: placed or on its way, and not cancelled by the distributor. */
export const isLive = (po: Pick<PurchaseOrder, 'state' | 'shipState'>) =>
	!DEAD_STATES.has(po.state) && po.shipState !== 'cancelled';

/**
 * An order's fulfilment state, derived from its items and their purchase orders: never stored by
 * hand, so it cannot drift from the POs. An item counts as drop-shipped when live POs cover its
 * whole quantity; as shipped when those POs have shipped. Lines that are not ours to drop-ship
 * (no shipping, no SKU, fulfilled by the store) do not count unless a PO covers them anyway: an
 * order left with none to send is done.
 */
export function fulfilmentState(
	allItems: readonly (Pick<OrderItem, 'id' | 'quantity'> & LineFacts)[],
	purchaseOrders: readonly Pick<PurchaseOrder, 'id' | 'state' | 'shipState'>[],
	lines: readonly Pick<PoLine, 'poId' | 'orderItemId' | 'quantity'>[],
	isCancelled = false
): FulfilmentState {
	if (isCancelled) return 'cancelled';
	const live = new Map(purchaseOrders.filter(isLive).map((po) => [po.id, po]));
	const items = allItems.filter(
		(item) =>
			needsDropship(item) || lines.some((l) => l.orderItemId === item.id && live.has(l.poId))
	);
	if (allItems.length > 0 && items.length === 0) return 'done';
	let covered = 0;
	let shipped = 0;
	let anyCovered = false;
	let anyShipped = false;
	for (const item of items) {
		const itemLines = lines.filter((l) => l.orderItemId === item.id && live.has(l.poId));
		const qty = itemLines.reduce((n, l) => n + l.quantity, 0);
		const shippedQty = itemLines
			.filter((l) => live.get(l.poId)?.shipState === 'shipped')
			.reduce((n, l) => n + l.quantity, 0);
		if (qty > 0) anyCovered = true;
		if (shippedQty > 0 || itemLines.some((l) => live.get(l.poId)?.shipState === 'partly_shipped'))
			anyShipped = true;
		if (qty >= item.quantity) covered += 1;
		if (shippedQty >= item.quantity) shipped += 1;
	}
	if (items.length > 0 && shipped === items.length) return 'shipped';
	if (anyShipped) return 'partly_shipped';
	if (items.length > 0 && covered === items.length) return 'dropshipped';
	if (anyCovered) return 'partly_dropshipped';
	return 'new';
}

/** How many of an item are not yet on a live PO: what a new drop-ship may still cover. */
export function openQuantity(
	item: Pick<OrderItem, 'id' | 'quantity'>,
	purchaseOrders: readonly Pick<PurchaseOrder, 'id' | 'state' | 'shipState'>[],
	lines: readonly Pick<PoLine, 'poId' | 'orderItemId' | 'quantity'>[]
): number {
	// A PO the distributor cancelled no longer covers the item: the dealer drop-ships it again.
	const live = new Set(purchaseOrders.filter(isLive).map((po) => po.id));
	const onPo = lines
		.filter((l) => l.orderItemId === item.id && live.has(l.poId))
		.reduce((n, l) => n + l.quantity, 0);
	return Math.max(0, item.quantity - onPo);
}
