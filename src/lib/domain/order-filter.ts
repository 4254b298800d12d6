import type { DistributorId } from './distributor';
import { isInDateRange } from './local-date';
import { matchesText, parseChoice, parseListFilter, type ListFilter } from './list-filter';
import { FulfilmentState, type Order } from './order';
import type { PurchaseOrder } from './purchase-order';

/** The Orders list's filters: the shared ones (list-filter.ts), the state and "qualifies". */
export interface OrderFilter extends ListFilter {
	state: FulfilmentState | '';
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

export function parseOrderFilter(params: URLSearchParams): OrderFilter {
	const { q, distributor, from, to } = parseListFilter(params);
	// Spelled out, not spread: the keys' order is the order of the URL's parameters.
	return {
		q,
		state: parseChoice(FulfilmentState, params.get('state')),
		distributor,
		from,
		to,
		qualify: params.get('qualify') === '1' ? '1' : ''
	};
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
