import type { Order } from '$lib/domain/order';
import { isFiltered } from '$lib/domain/list-filter';
import { filterPurchaseOrders, type PoFilter } from '$lib/domain/po-filter';
import type { PurchaseOrder } from '$lib/domain/purchase-order';
import { byNewest, createdAround } from './created-range';
import type { DropshipDb } from './schema';

/**
 * The Purchase orders list, read through indexes (reliability.md §8 case 30), as the Orders list
 * is (order-list.ts): unfiltered, the newest `limit` POs off the createdAt index; filtered, the
 * candidates come from the distributor and ship-state indexes or the date range, and only a
 * search by text alone reads every PO. Orders are read for the POs returned only.
 */
export interface PoList {
	/** The first `limit` matching POs, newest first. */
	purchaseOrders: PurchaseOrder[];
	matching: number;
	total: number;
	/** The orders of the POs returned, by id. */
	orders: Map<string, Order>;
}

export async function readPoList(
	db: DropshipDb,
	/** `limit: Infinity` reads every matching PO (the CSV export). */
	input: { filter: PoFilter; limit: number }
): Promise<PoList> {
	const { filter, limit } = input;
	const total = await db.purchaseOrders.count();
	if (!isFiltered(filter)) {
		const page = await db.purchaseOrders.orderBy('createdAt').reverse().limit(limit).toArray();
		return { purchaseOrders: page, matching: total, total, orders: await ordersOf(db, page) };
	}
	const candidates = await candidatesFor(db, filter);
	// The search box matches the order's number too, so the candidates' orders are needed then.
	const known = filter.q ? await ordersOf(db, candidates) : new Map<string, Order>();
	const shown = filterPurchaseOrders(candidates, filter, (id) => known.get(id)).sort(byNewest);
	const page = shown.slice(0, limit);
	return {
		purchaseOrders: page,
		matching: shown.length,
		total,
		orders: filter.q ? known : await ordersOf(db, page)
	};
}

async function ordersOf(
	db: DropshipDb,
	pos: readonly PurchaseOrder[]
): Promise<Map<string, Order>> {
	const ids = [...new Set(pos.map((po) => po.orderId))];
	const orders = await db.orders.bulkGet(ids);
	return new Map(orders.filter((o): o is Order => o !== undefined).map((o) => [o.id, o]));
}

/** A superset of the POs that pass `filter`, through the narrowest index it allows. */
function candidatesFor(db: DropshipDb, filter: PoFilter): Promise<PurchaseOrder[]> {
	const table = db.purchaseOrders;
	if (filter.distributor && filter.ship)
		return table
			.where('[distributorId+shipState]')
			.equals([filter.distributor, filter.ship])
			.toArray();
	if (filter.ship) return table.where('shipState').equals(filter.ship).toArray();
	if (filter.from || filter.to) return createdAround(table, filter.from, filter.to);
	if (filter.distributor) return table.where('distributorId').equals(filter.distributor).toArray();
	return table.toArray();
}
