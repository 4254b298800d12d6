import { DistributorId } from './distributor';
import { cleanDateKey, isInDateRange } from './local-date';
import { FulfilmentState, type Order } from './order';
import type { PurchaseOrder } from './purchase-order';

/**
 * The Orders list's filters. They live in the URL query string, so every value here is a string
 * and '' means "any"; a reload or a shared link shows the same list.
 */
export interface OrderFilter {
	q: string;
	state: FulfilmentState | '';
	distributor: DistributorId | '';
	from: string;
	to: string;
	/** '1': only orders with at least one item a distributor can drop-ship now. */
	qualify: '1' | '';
}

export const EMPTY_ORDER_FILTER: OrderFilter = {
	q: '',
	state: '',
	distributor: '',
	from: '',
	to: '',
	qualify: ''
};

/** Reads the filters from a query string; anything unknown is dropped rather than trusted. */
export function parseOrderFilter(params: URLSearchParams): OrderFilter {
	const state = FulfilmentState.safeParse(params.get('state'));
	const distributor = DistributorId.safeParse(params.get('distributor'));
	return {
		q: params.get('q')?.trim() ?? '',
		state: state.success ? state.data : '',
		distributor: distributor.success ? distributor.data : '',
		from: cleanDateKey(params.get('from')),
		to: cleanDateKey(params.get('to')),
		qualify: params.get('qualify') === '1' ? '1' : ''
	};
}

/** Only the filters in use, in a fixed order, so equal filters make equal URLs. */
export function filterToParams(filter: object): URLSearchParams {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(filter)) {
		if (typeof value === 'string' && value.trim() !== '') params.set(key, value.trim());
	}
	return params;
}

export function isFiltered(filter: object): boolean {
	return filterToParams(filter).size > 0;
}

/** Case- and space-insensitive "contains", for the search box. */
export function matchesText(query: string, ...fields: (string | undefined)[]): boolean {
	const needle = query.trim().toLowerCase();
	if (!needle) return true;
	return fields.some((field) => field?.toLowerCase().includes(needle));
}

/**
 * The orders that pass every filter, in the order given. `distributorsOf` tells which
 * distributors an order has purchase orders with (an order without POs has none).
 */
export function filterOrders(
	orders: readonly Order[],
	filter: OrderFilter,
	distributorsOf: (orderId: string) => ReadonlySet<DistributorId> | undefined = () => undefined,
	/** Whether an order has an item that qualifies for drop-ship; unknown counts as no. */
	qualifies: (orderId: string) => boolean = () => false
): Order[] {
	return orders.filter(
		(order) =>
			(!filter.state || order.state === filter.state) &&
			(!filter.qualify || qualifies(order.id)) &&
			(!filter.distributor || (distributorsOf(order.id)?.has(filter.distributor) ?? false)) &&
			isInDateRange(order.createdAt, filter.from, filter.to) &&
			matchesText(filter.q, order.number, order.buyer.name, order.buyer.email)
	);
}

/** Which distributors each order has purchase orders with, for the distributor filter. */
export function distributorsByOrder(
	pos: readonly Pick<PurchaseOrder, 'orderId' | 'distributorId'>[]
): Map<string, Set<DistributorId>> {
	const map = new Map<string, Set<DistributorId>>();
	for (const po of pos) {
		const set = map.get(po.orderId) ?? new Set<DistributorId>();
		set.add(po.distributorId);
		map.set(po.orderId, set);
	}
	return map;
}
