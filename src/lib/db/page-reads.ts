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

/**
 * What the dashboard shows first: what needs the dealer and the newest orders. One request per
 * index value, so every read is one round trip (a cursor over `anyOf` answers record by record,
 * each answer a task of its own on a page that is still starting).
 */
export interface DashboardData {
	/** The newest orders, newest first. */
	recent: Order[];
	orderCount: number;
	/** Orders still to be sent on (new or partly drop-shipped), and the orders of `todoPos`. */
	orders: Order[];
	/** Every PO that may need the dealer (see dealerTodos); POs done with are never read. */
	todoPos: PurchaseOrder[];
}

/**
 * What the dashboard fills in next (the chart, the item counts, the items that may qualify): reads
 * that walk an index key by key, kept off the first screen's path.
 */
export interface DashboardDetails {
	/** When each order since `since` was placed (index keys only: no order is read). */
	recentCreatedAts: string[];
	/** Items of the orders still to be sent on: the ones that may qualify for drop-ship. */
	waitingItems: OrderItem[];
	/** Units per order, for the newest orders. */
	itemCounts: Map<string, number>;
}

/** Placement states that are a to-do whatever the goods do (dealer-todos.ts: failed, unknown). */
const TROUBLE_STATES = ['failed', 'needs_attention', 'unknown', 'reconciling'] as const;
/** Ship states that can be a to-do: late (still awaiting), backordered, cancelled by them. */
const TODO_SHIP_STATES = ['awaiting', 'backordered', 'cancelled'] as const;
const WAITING_STATES = ['new', 'partly_dropshipped'] as const;

export async function readDashboard(
	db: DropshipDb,
	input: { recentCount: number }
): Promise<DashboardData> {
	const [recent, orderCount, waiting, trouble, shipTodos] = await Promise.all([
		newestOrders(db, input.recentCount).toArray(),
		db.orders.count(),
		eachValue(WAITING_STATES, (state) => db.orders.where('state').equals(state).toArray()),
		eachValue(TROUBLE_STATES, (state) => db.purchaseOrders.where('state').equals(state).toArray()),
		eachValue(TODO_SHIP_STATES, (state) =>
			db.purchaseOrders.where('shipState').equals(state).toArray()
		)
	]);
	const todoPos = [...new Map([...trouble, ...shipTodos].map((po) => [po.id, po])).values()];
	const known = new Set(waiting.map((o) => o.id));
	const missing = [...new Set(todoPos.map((po) => po.orderId))].filter((id) => !known.has(id));
	const todoOrders = missing.length > 0 ? await db.orders.bulkGet(missing) : [];
	return {
		recent,
		orderCount,
		orders: [...waiting, ...todoOrders.filter((o): o is Order => o !== undefined)],
		todoPos
	};
}

export async function readDashboardDetails(
	db: DropshipDb,
	input: { since: string; recentCount: number }
): Promise<DashboardDetails> {
	// The ids are read again here (keys only, one round trip each) rather than taken from
	// readDashboard: the two queries run side by side, neither waits for the other.
	const [recentCreatedAts, waitingIds, recentIds] = await Promise.all([
		db.orders.where('createdAt').aboveOrEqual(input.since).keys(),
		waitingOrderIds(db),
		newestOrders(db, input.recentCount).primaryKeys()
	]);
	const [waitingItems, recentItems] = await Promise.all([
		db.orderItems.where('orderId').anyOf(waitingIds).toArray(),
		db.orderItems.where('orderId').anyOf(recentIds).toArray()
	]);
	return {
		recentCreatedAts: recentCreatedAts.map(String),
		waitingItems,
		itemCounts: unitsPerOrder(recentItems)
	};
}

/** The orders still to be sent on, by id. */
const waitingOrderIds = (db: DropshipDb): Promise<string[]> =>
	eachValue(WAITING_STATES, (state) => db.orders.where('state').equals(state).primaryKeys());

/** The newest orders first, through the createdAt index. */
const newestOrders = (db: DropshipDb, count: number) =>
	db.orders.orderBy('createdAt').reverse().limit(count);

/** One read per value, all at once, the results in sorted order of the values (as `anyOf` gives). */
async function eachValue<V extends string, T>(
	values: readonly V[],
	read: (value: V) => Promise<T[]>
): Promise<T[]> {
	return (await Promise.all([...values].sort().map(read))).flat();
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
	return db.orderItems
		.where('orderId')
		.anyOf(await waitingOrderIds(db))
		.toArray();
}
