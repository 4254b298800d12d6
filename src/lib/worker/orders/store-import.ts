import type { z } from 'zod';
import type { DropshipDb } from '$lib/db/schema';
import { DISTRIBUTORS } from '$lib/domain/distributor';
import type { ImportChange } from '$lib/domain/import-report';
import type { NewOrderInput, Order, OrderItem } from '$lib/domain/order';
import type { PurchaseOrder } from '$lib/domain/purchase-order';
import type { StoreState } from '$lib/domain/store-state';
import type { ApiDeps } from '../core/deps';
import { canWithdraw } from '$lib/domain/po-state';
import { movePo, refreshOrderState, withState } from '../purchase-orders/records';
import { insertOrder } from './insert';

type Incoming = z.output<typeof NewOrderInput>;

/**
 * The store state an order takes from a newer read of the store. A cancellation is final in
 * both stores, so an older file read again cannot bring a cancelled order back to life.
 */
export function mergeStoreState(
	stored: StoreState | undefined,
	incoming: StoreState | undefined
): StoreState | undefined {
	if (!incoming) return stored;
	if (stored?.isCancelled && !incoming.isCancelled) return stored;
	return incoming;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The stored item a store line stands for: same position and SKU, else the same SKU and title. */
function matchItem(items: readonly OrderItem[], line: Incoming['items'][number], index: number) {
	const byPosition = items.find((i) => i.lineNo === index + 1);
	if (byPosition && byPosition.sku === line.sku) return byPosition;
	return items.find((i) => i.sku === line.sku && i.title === line.title);
}

/** POs the store's cancellation reaches: not failed, not cancelled, goods not yet all shipped. */
const isStoppable = (po: PurchaseOrder) =>
	!['draft', 'failed', 'cancelled'].includes(po.state) &&
	!['shipped', 'cancelled'].includes(po.shipState);

/**
 * The store cancelled the order: a PO still waiting to be sent is cancelled here (nothing went
 * out); a PO already with the distributor is marked, which puts a to-do on the dashboard (no
 * distributor API cancels, so the dealer must ask). Inside the caller's transaction.
 */
export async function stopPurchaseOrders(db: DropshipDb, order: Order, at: Date): Promise<void> {
	const pos = await db.purchaseOrders.where('orderId').equals(order.id).toArray();
	for (const po of pos.filter(isStoppable)) {
		if (canWithdraw(po.state)) {
			// A nested transaction: movePo's tables are all in the caller's.
			await movePo(db, po.id, 'cancel', (p, to) => ({
				...withState(p, to, at, `Not sent: order #${order.number} was cancelled in the store`),
				shipState: 'cancelled'
			}));
			continue;
		}
		if (po.storeCancellation) continue;
		const iso = at.toISOString();
		const name = DISTRIBUTORS[po.distributorId].name;
		await db.purchaseOrders.put({
			...po,
			updatedAt: iso,
			storeCancellation: { at: iso, orderNumber: order.number },
			history: [
				...po.history,
				{
					at: iso,
					state: po.state,
					note: `Order #${order.number} was cancelled in the store: ask ${name} to cancel`
				}
			]
		});
	}
}

/**
 * Adds an order read from a store, or brings the stored one up to what the store says now (its
 * state, and which lines the store fulfilled). The order number is the key: nothing is ever
 * added twice. Call inside the write queue.
 */
export async function importOrder(
	deps: Pick<ApiDeps, 'db' | 'newId' | 'now'>,
	input: Incoming
): Promise<{ change: ImportChange; order: Order; items: OrderItem[] }> {
	const db = deps.db;
	// One transaction from the look-up to the write: two tabs importing the same file at once each
	// see the other's orders (found by the soak: the second import threw a ConstraintError).
	return db.transaction(
		'rw',
		[db.orders, db.orderItems, db.purchaseOrders, db.poLines],
		async () => {
			const existing = await db.orders.where('number').equals(input.number).first();
			if (!existing) {
				const inserted = await insertOrder(db, deps, input);
				if (!inserted.ok) throw new Error(`Order ${input.number} could not be added`);
				const added = await db.orderItems.where('orderId').equals(inserted.value.id).toArray();
				return { change: 'new' as const, order: inserted.value, items: added };
			}
			const order = (await db.orders.get(existing.id)) ?? existing;
			const items = await db.orderItems.where('orderId').equals(order.id).toArray();
			const storeState = mergeStoreState(order.storeState, input.storeState);
			const itemChanges = input.items.flatMap((line, index) => {
				const item = matchItem(items, line, index);
				return item && line.storeFulfilment && line.storeFulfilment !== item.storeFulfilment
					? [{ ...item, storeFulfilment: line.storeFulfilment }]
					: [];
			});
			if (same(storeState, order.storeState) && itemChanges.length === 0)
				return { change: 'unchanged' as const, order, items };
			await db.orders.update(order.id, { storeState });
			if (itemChanges.length > 0) await db.orderItems.bulkPut(itemChanges);
			const isNewlyCancelled = storeState?.isCancelled && !order.storeState?.isCancelled;
			if (isNewlyCancelled) await stopPurchaseOrders(db, { ...order, storeState }, deps.now());
			await refreshOrderState(db, order.id);
			return {
				change: 'updated' as const,
				order: (await db.orders.get(order.id)) ?? order,
				items: await db.orderItems.where('orderId').equals(order.id).toArray()
			};
		}
	);
}
