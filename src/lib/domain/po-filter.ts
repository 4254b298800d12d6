import { isInDateRange } from './local-date';
import { matchesText, parseChoice, parseListFilter, type ListFilter } from './list-filter';
import type { Order } from './order';
import { ShipState, type PurchaseOrder } from './purchase-order';

/** The Purchase orders list's filters: the shared ones (list-filter.ts) and the shipping state. */
export interface PoFilter extends ListFilter {
	ship: ShipState | '';
}

export const EMPTY_PO_FILTER: PoFilter = { q: '', distributor: '', ship: '', from: '', to: '' };

export function parsePoFilter(params: URLSearchParams): PoFilter {
	const { q, distributor, from, to } = parseListFilter(params);
	// Spelled out, not spread: the keys' order is the order of the URL's parameters.
	return { q, distributor, ship: parseChoice(ShipState, params.get('ship')), from, to };
}

/**
 * The POs that pass every filter. The search box finds a PO by its number, the distributor's own
 * reference, or its order's id or number (`orderOf` looks the order up).
 */
export function filterPurchaseOrders(
	pos: readonly PurchaseOrder[],
	filter: PoFilter,
	orderOf: (orderId: string) => Pick<Order, 'number'> | undefined = () => undefined
): PurchaseOrder[] {
	return pos.filter(
		(po) =>
			(!filter.distributor || po.distributorId === filter.distributor) &&
			(!filter.ship || po.shipState === filter.ship) &&
			isInDateRange(po.createdAt, filter.from, filter.to) &&
			matchesText(
				filter.q,
				po.poNumber,
				po.orderId,
				orderOf(po.orderId)?.number,
				...po.distributorRefs
			)
	);
}
