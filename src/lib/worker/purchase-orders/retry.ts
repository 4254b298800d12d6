import { openQuantity } from '$lib/domain/fulfilment';
import { nextPoState } from '$lib/domain/po-state';
import type { PurchaseOrder } from '$lib/domain/purchase-order';
import { err, ok, type Result } from '$lib/domain/result';
import type { ApiDeps } from '../core/deps';
import { refreshOrderState, withState } from './records';

/**
 * Puts a refused PO back in the queue, but only if its items are still uncovered: the dealer may
 * have drop-shipped them on another PO since (found by the property test: refused PO, new PO
 * placed, then Retry on the old one would have ordered the item twice).
 */
export async function requeueFailed(deps: ApiDeps, poId: string): Promise<Result<PurchaseOrder>> {
	const db = deps.db;
	return deps.writes.run(() =>
		db.transaction('rw', [db.purchaseOrders, db.poLines, db.orders, db.orderItems], async () => {
			const po = await db.purchaseOrders.get(poId);
			if (!po) return err('not_found', 'That purchase order is not here any more.');
			const to = nextPoState(po.state, 'retry');
			if (!to)
				return err('conflict', `PO ${po.poNumber} is ${po.state}; there is nothing to retry.`);
			const items = await db.orderItems.where('orderId').equals(po.orderId).toArray();
			const pos = await db.purchaseOrders.where('orderId').equals(po.orderId).toArray();
			const lines = await db.poLines
				.where('poId')
				.anyOf(pos.map((p) => p.id))
				.toArray();
			for (const line of lines.filter((l) => l.poId === po.id)) {
				const item = items.find((i) => i.id === line.orderItemId);
				// This PO is failed, so openQuantity does not count it: what is open is what it may take.
				if (item && openQuantity(item, pos, lines) < line.quantity) {
					return err(
						'conflict',
						`"${item.title}" has been drop-shipped on another PO since; PO ${po.poNumber} was not sent again.`
					);
				}
			}
			const next = withState(po, to, deps.now(), 'Retry by the dealer');
			await db.purchaseOrders.put(next);
			await refreshOrderState(db, po.orderId);
			return ok(next);
		})
	);
}
