import type { DropshipDb } from '$lib/db/schema';
import { fulfilmentState } from '$lib/domain/fulfilment';
import type { PoState, PurchaseOrder } from '$lib/domain/purchase-order';

/** A PO moved to a new state, with the move kept in its history. */
export function withState(
	po: PurchaseOrder,
	state: PoState,
	at: Date,
	note?: string
): PurchaseOrder {
	const iso = at.toISOString();
	return {
		...po,
		state,
		updatedAt: iso,
		history: [...po.history, { at: iso, state, ...(note ? { note } : {}) }]
	};
}

/**
 * Re-derives an order's fulfilment state from its items and POs. Call inside the transaction that
 * changed a PO, with orders, orderItems, purchaseOrders and poLines in its scope.
 */
export async function refreshOrderState(db: DropshipDb, orderId: string): Promise<void> {
	const order = await db.orders.get(orderId);
	if (!order) return;
	const [items, pos] = await Promise.all([
		db.orderItems.where('orderId').equals(orderId).toArray(),
		db.purchaseOrders.where('orderId').equals(orderId).toArray()
	]);
	const lines = await db.poLines
		.where('poId')
		.anyOf(pos.map((p) => p.id))
		.toArray();
	const state = fulfilmentState(items, pos, lines, order.state === 'cancelled');
	if (state !== order.state) await db.orders.update(orderId, { state });
}

/**
 * Compare-and-set on a PO's state: applies `change` only if the PO is still in one of `from`.
 * IndexedDB serialises read-write transactions across tabs, so of two tabs (or two clicks) only
 * one wins; the other gets null and sends nothing.
 */
export async function casPo(
	db: DropshipDb,
	poId: string,
	from: readonly PoState[],
	change: (po: PurchaseOrder) => PurchaseOrder
): Promise<PurchaseOrder | null> {
	return db.transaction(
		'rw',
		[db.purchaseOrders, db.orders, db.orderItems, db.poLines],
		async () => {
			const po = await db.purchaseOrders.get(poId);
			if (!po || !from.includes(po.state)) return null;
			const next = change(po);
			await db.purchaseOrders.put(next);
			await refreshOrderState(db, po.orderId);
			return next;
		}
	);
}
