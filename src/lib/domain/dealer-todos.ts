import { DISTRIBUTORS } from './distributor';
import { isPastLeadTime } from './lead-time';
import type { PurchaseOrder } from './purchase-order';

/**
 * What the dashboard asks the dealer to act on, one entry per PO. Placement trouble (refused,
 * answer lost) comes from our side; backorders and cancellations come from the distributor's
 * status and need a decision only the dealer can make: wait, or drop-ship the item elsewhere. A
 * store cancellation after the PO went out needs the dealer to ask the distributor to cancel (no
 * distributor API cancels, distributors.md §1).
 */
export type TodoKind =
	'failed' | 'unknown' | 'late' | 'backordered' | 'cancelled' | 'store_cancelled';

export interface DealerTodo {
	kind: TodoKind;
	poId: string;
	orderId: string;
	/** One sentence in the dealer's words: what happened and what to do. */
	advice: string;
	/** Whether the dealer may put it away; placement trouble stays until the PO is dealt with. */
	dismissible: boolean;
}

/** Kinds the dealer can put away once decided; they come back if the PO changes to another kind. */
const DISMISSIBLE: ReadonlySet<TodoKind> = new Set([
	'late',
	'backordered',
	'cancelled',
	'store_cancelled'
]);

type TodoPo = Pick<
	PurchaseOrder,
	| 'id'
	| 'poNumber'
	| 'orderId'
	| 'distributorId'
	| 'state'
	| 'shipState'
	| 'createdAt'
	| 'leadTimeDays'
	| 'cancelRequest'
	| 'dismissedTodo'
	| 'storeCancellation'
>;

export function todoKind(po: TodoPo, now: Date): TodoKind | null {
	if (po.state === 'failed' || po.state === 'needs_attention') return 'failed';
	if (po.state === 'unknown' || po.state === 'reconciling') return 'unknown';
	if (po.state === 'cancelled') return null;
	// Goods not yet on their way to a buyer who cancelled: only the dealer can stop them.
	if (po.storeCancellation && (po.shipState === 'awaiting' || po.shipState === 'backordered'))
		return 'store_cancelled';
	// A cancellation the dealer asked for is expected; one the distributor made on its own is news.
	if (po.shipState === 'cancelled')
		return po.cancelRequest?.outcome === 'confirmed' ? null : 'cancelled';
	if (po.shipState === 'backordered') return 'backordered';
	if (isPastLeadTime(po, now)) return 'late';
	return null;
}

/** One sentence in the dealer's words for a PO's to-do, shown on the dashboard and the PO page. */
export function adviceFor(
	kind: TodoKind,
	po: Pick<TodoPo, 'distributorId' | 'poNumber' | 'storeCancellation'>
): string {
	const name = DISTRIBUTORS[po.distributorId].name;
	switch (kind) {
		case 'store_cancelled':
			return `Order #${po.storeCancellation?.orderNumber ?? '?'} was cancelled in the store after PO ${po.poNumber} was placed: ask ${name} to cancel.`;
		case 'failed':
			return `${name} refused it or it needs you: open the PO to see why and retry or cancel.`;
		case 'unknown':
			return `The answer from ${name} was lost; the app is checking whether the order arrived.`;
		case 'late':
			return `No tracking from ${name} within the lead time: call them or wait another day.`;
		case 'backordered':
			return `${name} has it on backorder: wait, or cancel it there and drop-ship from another distributor.`;
		case 'cancelled':
			return `${name} cancelled this order: drop-ship the items again from another distributor or tell the buyer.`;
	}
}

const ORDER: Record<TodoKind, number> = {
	failed: 0,
	store_cancelled: 1,
	cancelled: 2,
	unknown: 3,
	backordered: 4,
	late: 5
};

/** Every PO that needs the dealer, most urgent kind first, oldest first within a kind. */
export function dealerTodos(purchaseOrders: readonly TodoPo[], now: Date): DealerTodo[] {
	const todos: (DealerTodo & { createdAt: string })[] = [];
	for (const po of purchaseOrders) {
		const kind = todoKind(po, now);
		if (!kind) continue;
		const dismissible = DISMISSIBLE.has(kind);
		if (dismissible && po.dismissedTodo?.kind === kind) continue;
		todos.push({
			kind,
			poId: po.id,
			orderId: po.orderId,
			advice: adviceFor(kind, po),
			dismissible,
			createdAt: po.createdAt
		});
	}
	return todos
		.sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.createdAt.localeCompare(b.createdAt))
		.map(({ createdAt: _createdAt, ...todo }) => todo);
}
