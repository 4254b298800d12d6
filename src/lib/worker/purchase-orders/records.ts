import type { DropshipDb } from '$lib/db/schema';
import { fulfilmentState } from '$lib/domain/fulfilment';
import { nextPoState, type PoEventType } from '$lib/domain/po-state';
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
	const isCancelled = order.state === 'cancelled' || order.storeState?.isCancelled === true;
	const state = fulfilmentState(items, pos, lines, isCancelled);
	if (state !== order.state) await db.orders.update(orderId, { state });
}

/**
 * Compare-and-set on a PO's state, through the state machine: applies `change` only if every event
 * in `events` may follow the PO's current state (`domain/po-state.ts` says which), and hands it the
 * state the events lead to; `change` may still say no (null). IndexedDB serialises read-write transactions across tabs, so of two
 * tabs (or two clicks) only one wins; the other gets null and sends nothing.
 */
export async function movePo(
	db: DropshipDb,
	poId: string,
	events: PoEventType | readonly PoEventType[],
	change: (po: PurchaseOrder, to: PoState) => PurchaseOrder | null
): Promise<PurchaseOrder | null> {
	const walk = typeof events === 'string' ? [events] : events;
	return db.transaction(
		'rw',
		[db.purchaseOrders, db.orders, db.orderItems, db.poLines],
		async () => {
			const po = await db.purchaseOrders.get(poId);
			if (!po) return null;
			let to: PoState | null = po.state;
			for (const event of walk) to = to && nextPoState(to, event);
			if (!to) return null;
			const next = change(po, to);
			if (!next) return null;
			// A change that lands elsewhere than the machine said is a bug, not a dealer's problem.
			if (next.state !== to)
				throw new Error(`PO ${po.poNumber}: ${walk.join('+')} led to ${next.state}, not ${to}`);
			await db.purchaseOrders.put(next);
			await refreshOrderState(db, po.orderId);
			return next;
		}
	);
}
