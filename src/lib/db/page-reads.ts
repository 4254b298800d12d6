import type { Order, OrderItem } from '$lib/domain/order';
import { unitsPerOrder } from '$lib/domain/order-stats';
import type { OutboxEmail } from '$lib/domain/outbox';
import type { PurchaseOrder } from '$lib/domain/purchase-order';
import type { DropshipDb } from './schema';

/**
 * What the dashboard and the outbox read, through indexes only: a shop with 20,000 orders and
 * 200,000 shipments (reliability.md §8 case 30) must not load whole tables on start or on every
 * write the worker makes. Each function reads a bounded slice whatever the size of the shop; the
 * queries in queries.ts wrap them in liveQuery.
 */

export interface DashboardData {
	/** The newest orders, newest first. */
	recent: Order[];
	orderCount: number;
	/** When each order since `since` was placed (index keys only: no order is read). */
	recentCreatedAts: string[];
	/** Orders still to be sent on (new or partly drop-shipped), and the orders of `todoPos`. */
	orders: Order[];
	/** Items of the orders still to be sent on: the ones that may qualify for drop-ship. */
	waitingItems: OrderItem[];
	/** Units per order, for the recent orders. */
	itemCounts: Map<string, number>;
	/** Every PO that may need the dealer (see dealerTodos); POs done with are never read. */
	todoPos: PurchaseOrder[];
}

/** Placement states that are a to-do whatever the goods do (dealer-todos.ts: failed, unknown). */
const TROUBLE_STATES = ['failed', 'needs_attention', 'unknown', 'reconciling'] as const;
/** Ship states that can be a to-do: late (still awaiting), backordered, cancelled by them. */
const TODO_SHIP_STATES = ['awaiting', 'backordered', 'cancelled'] as const;
const WAITING_STATES = ['new', 'partly_dropshipped'] as const;

export async function readDashboard(
	db: DropshipDb,
	input: { since: string; recentCount: number }
): Promise<DashboardData> {
	const [recent, orderCount, recentCreatedAts, waiting, trouble, shipTodos] = await Promise.all([
		db.orders.orderBy('createdAt').reverse().limit(input.recentCount).toArray(),
		db.orders.count(),
		db.orders.where('createdAt').aboveOrEqual(input.since).keys(),
		db.orders.where('state').anyOf(WAITING_STATES).toArray(),
		db.purchaseOrders.where('state').anyOf(TROUBLE_STATES).toArray(),
		db.purchaseOrders.where('shipState').anyOf(TODO_SHIP_STATES).toArray()
	]);
	const todoPos = [...new Map([...trouble, ...shipTodos].map((po) => [po.id, po])).values()];
	const known = new Set(waiting.map((o) => o.id));
	const missing = [...new Set(todoPos.map((po) => po.orderId))].filter((id) => !known.has(id));
	const [todoOrders, waitingItems, recentItems] = await Promise.all([
		db.orders.bulkGet(missing),
		db.orderItems
			.where('orderId')
			.anyOf([...known])
			.toArray(),
		db.orderItems
			.where('orderId')
			.anyOf(recent.map((o) => o.id))
			.toArray()
	]);
	return {
		recent,
		orderCount,
		recentCreatedAts: recentCreatedAts.map(String),
		orders: [...waiting, ...todoOrders.filter((o): o is Order => o !== undefined)],
		waitingItems,
		itemCounts: unitsPerOrder(recentItems),
		todoPos
	};
}

export interface OutboxPage {
	/** The newest `limit` emails, newest first. */
	emails: OutboxEmail[];
	total: number;
}

export async function readOutboxPage(db: DropshipDb, limit: number): Promise<OutboxPage> {
	const [emails, total] = await Promise.all([
		db.outbox.orderBy('createdAt').reverse().limit(limit).toArray(),
		db.outbox.count()
	]);
	return { emails, total };
}

/** The items of the orders still to be sent on (new or partly drop-shipped): those that may qualify. */
export async function readWaitingItems(db: DropshipDb): Promise<OrderItem[]> {
	const ids = await db.orders.where('state').anyOf(WAITING_STATES).primaryKeys();
	return db.orderItems.where('orderId').anyOf(ids).toArray();
}
