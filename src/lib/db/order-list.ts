import type { Order } from '$lib/domain/order';
import { isFiltered } from '$lib/domain/list-filter';
import { distributorsByOrder, filterOrders, type OrderFilter } from '$lib/domain/order-filter';
import { unitsPerOrder } from '$lib/domain/order-stats';
import { byNewest, createdAround } from './created-range';
import type { DropshipDb } from './schema';

/**
 * The Orders list, read through indexes (reliability.md §8 case 30). Unfiltered, it is the newest
 * `limit` orders off the createdAt index and a count. Filtered, the candidates come from the most
 * selective index the filter allows (the qualifying orders, the state, the date range, the
 * distributor's POs) and the filter decides among them; only a search by text alone reads every
 * order, as no index holds substrings. Item counts are read for the orders shown only.
 */
export interface OrderList {
	/** The first `limit` matching orders, newest first. */
	orders: Order[];
	matching: number;
	total: number;
	/** Units per order, for the orders shown. */
	itemCounts: Map<string, number>;
}

export async function readOrderList(
	db: DropshipDb,
	input: { filter: OrderFilter; limit: number; qualifyingOrderIds?: readonly string[] }
): Promise<OrderList> {
	const { filter, limit } = input;
	const total = await db.orders.count();
	let orders: Order[];
	let matching = total;
	if (!isFiltered(filter)) {
		orders = await db.orders.orderBy('createdAt').reverse().limit(limit).toArray();
	} else {
		const pos = filter.distributor
			? await db.purchaseOrders.where('distributorId').equals(filter.distributor).toArray()
			: [];
		const distributorsOf = distributorsByOrder(pos);
		const qualifying = new Set(input.qualifyingOrderIds ?? []);
		const candidates = await candidatesFor(db, filter, [...qualifying], [...distributorsOf.keys()]);
		const shown = filterOrders(
			candidates,
			filter,
			(id) => distributorsOf.get(id),
			(id) => qualifying.has(id)
		).sort(byNewest);
		matching = shown.length;
		orders = shown.slice(0, limit);
	}
	const items = await db.orderItems
		.where('orderId')
		.anyOf(orders.map((o) => o.id))
		.toArray();
	return { orders, matching, total, itemCounts: unitsPerOrder(items) };
}

/** A superset of the orders that pass `filter`, through the narrowest index it allows. */
async function candidatesFor(
	db: DropshipDb,
	filter: OrderFilter,
	qualifyingIds: string[],
	withDistributor: string[]
): Promise<Order[]> {
	const byIds = async (ids: string[]) =>
		(await db.orders.bulkGet(ids)).filter((o): o is Order => o !== undefined);
	if (filter.qualify) return byIds(qualifyingIds);
	if (filter.state) return db.orders.where('state').equals(filter.state).toArray();
	if (filter.from || filter.to) return createdAround(db.orders, filter.from, filter.to);
	if (filter.distributor) return byIds(withDistributor);
	return db.orders.toArray();
}
