import { DistributorId } from './distributor';
import { cleanDateKey, isInDateRange } from './local-date';
import type { Order } from './order';
import { matchesText } from './order-filter';
import { ShipState, type PurchaseOrder } from './purchase-order';

/** The Purchase orders list's filters; like the orders' filters they live in the URL. */
export interface PoFilter {
	q: string;
	distributor: DistributorId | '';
	ship: ShipState | '';
	from: string;
	to: string;
}

export const EMPTY_PO_FILTER: PoFilter = { q: '', distributor: '', ship: '', from: '', to: '' };

export function parsePoFilter(params: URLSearchParams): PoFilter {
	const distributor = DistributorId.safeParse(params.get('distributor'));
	const ship = ShipState.safeParse(params.get('ship'));
	return {
		q: params.get('q')?.trim() ?? '',
		distributor: distributor.success ? distributor.data : '',
		ship: ship.success ? ship.data : '',
		from: cleanDateKey(params.get('from')),
		to: cleanDateKey(params.get('to'))
	};
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
