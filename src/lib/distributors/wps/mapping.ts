import { carrierOf } from '$lib/domain/carriers';
import { parsePriceToCents } from '$lib/domain/money';
import type { FieldLimit } from '../limits';
import { rollUpStatus } from '../skeleton';
import type {
	DropShipRequest,
	OrderStatus,
	OrderStatusResult,
	ShipmentInfo,
	StockLine
} from '../types';
import { readStatusWord, statusResult, type ReadStatus } from '../wire';
import type { WpsInventory, WpsItem, WpsOrderDetail } from './api-schemas';
import { WPS_LIMITS, WPS_UNCONFIRMED, WPS_WAREHOUSES } from './constants';
import { WPS_NAME } from './errors';

/** Pure conversions between our types and the WPS wire format. */

/** The documented POST /carts limits, named by our request's fields so the dealer knows what to fix. */
export function cartLimits(request: DropShipRequest): FieldLimit[] {
	const { shipTo } = request;
	return [
		{
			field: 'poNumber',
			label: 'PO number',
			max: WPS_UNCONFIRMED.maxPoLength,
			value: request.poNumber,
			isRequired: true
		},
		{ field: 'shipTo.name', label: 'Ship-to name', max: WPS_LIMITS.shipName, value: shipTo.name },
		{
			field: 'shipTo.line1',
			label: 'Address line 1',
			max: WPS_LIMITS.shipAddress,
			value: shipTo.line1
		},
		{
			field: 'shipTo.line2',
			label: 'Address line 2',
			max: WPS_LIMITS.shipAddress,
			value: shipTo.line2
		},
		{
			field: 'shipTo.company',
			label: 'Company',
			max: WPS_LIMITS.shipAddress,
			value: shipTo.company
		},
		{ field: 'shipTo.city', label: 'City', max: WPS_LIMITS.shipCity, value: shipTo.city },
		{ field: 'shipTo.state', label: 'State', max: WPS_LIMITS.shipState, value: shipTo.state },
		{
			field: 'shipTo.postalCode',
			label: 'ZIP code',
			max: WPS_LIMITS.shipZip,
			value: shipTo.postalCode
		},
		{ field: 'shipTo.phone', label: 'Phone', max: WPS_LIMITS.shipPhone, value: shipTo.phone },
		{ field: 'shipTo.email', label: 'Email', max: WPS_LIMITS.email, value: shipTo.email },
		{ field: 'note', label: 'Order note', max: WPS_LIMITS.comment, value: request.note }
	];
}

/** POST /carts body. The company goes on address line 3, the one line the form has no use for. */
export function toCartBody(request: DropShipRequest): Record<string, unknown> {
	const { shipTo } = request;
	return {
		po_number: request.poNumber,
		ship_name: shipTo.name,
		ship_address1: shipTo.line1,
		...(shipTo.line2 ? { ship_address2: shipTo.line2 } : {}),
		...(shipTo.company ? { ship_address3: shipTo.company } : {}),
		ship_city: shipTo.city,
		ship_state: shipTo.state,
		ship_zip: shipTo.postalCode,
		...(shipTo.phone ? { ship_phone: shipTo.phone } : {}),
		...(shipTo.email ? { email: shipTo.email } : {}),
		ship_via: WPS_UNCONFIRMED.shipVia[request.shippingMethod],
		...(request.warehouse ? { default_warehouse: request.warehouse } : {}),
		allow_backorder: request.allowBackorder ?? true,
		// Let WPS fill from several warehouses: a drop-ship waiting for one warehouse is slower.
		multiple_warehouse: true,
		...(request.note ? { comment1: request.note } : {})
	};
}

/** One StockLine from the items WPS returned for a SKU filter (empty = unknown SKU). */
export function toStockLine(sku: string, items: readonly WpsItem[], stockCap: number): StockLine {
	const item = items.find((i) => i.sku.toUpperCase() === sku.toUpperCase()) ?? items[0];
	if (!item) return { sku, found: false, totalQty: 0, warehouses: [], capped: false };
	const warehouses = warehouseQuantities(item.inventory?.data ?? null, stockCap);
	const cost = parsePriceToCents(item.standard_dealer_price);
	return {
		sku: item.sku,
		found: true,
		totalQty: warehouses.reduce((sum, w) => sum + w.qty, 0),
		warehouses,
		capped: warehouses.some((w) => w.capped),
		...(cost === null ? {} : { costCents: cost })
	};
}

function warehouseQuantities(inventory: WpsInventory | null, stockCap: number) {
	if (!inventory) return [];
	return WPS_WAREHOUSES.map(({ code, field }) => {
		const qty = inventory[field];
		// WPS shows the cap when it holds the cap or more: the real figure may be higher.
		return { code, qty, capped: qty >= stockCap };
	});
}

const STATUS_WORDS: Readonly<Record<string, OrderStatus>> = WPS_UNCONFIRMED.orderStatus;

export function detailStatus(detail: Pick<WpsOrderDetail, 'order_status'>): ReadStatus {
	return readStatusWord(STATUS_WORDS, detail.order_status);
}

/** The PO's status from its order_details (one per filling warehouse). */
export function poStatus(details: readonly WpsOrderDetail[]): OrderStatus {
	return rollUpStatus(details.map((d) => detailStatus(d).status));
}

/** One PO as the adapter reports it: status, WPS order numbers, shipments, unknown words noted. */
export function toStatusResult(
	poNumber: string,
	details: readonly WpsOrderDetail[]
): OrderStatusResult {
	return statusResult(
		WPS_NAME,
		{
			poNumber,
			status: poStatus(details),
			distributorRefs: [...new Set(details.map((d) => d.order_number))],
			shipments: toShipments(details)
		},
		details.map((d) => detailStatus(d).unknownWord)
	);
}

/** Shipped units of an item line: `ship_quantity`, or the ordered quantity when WPS leaves it out. */
function shippedQuantity(item: WpsOrderDetail['items'][number]): number {
	if (item.ship_quantity === undefined || item.ship_quantity === null) return item.order_quantity;
	return Math.max(0, Math.trunc(Number(item.ship_quantity) || 0));
}

/** Every order_detail that carries tracking numbers is one shipment. */
export function toShipments(details: readonly WpsOrderDetail[]): ShipmentInfo[] {
	return details
		.filter((d) => d.tracking_numbers.length > 0)
		.map((d) => {
			const first = d.tracking_numbers[0] ?? '';
			const shipDate = toIsoDate(d.ship_date);
			return {
				distributorRef: d.order_number,
				carrier: carrierOf(first, d.ship_via ?? undefined),
				...(d.ship_via ? { service: d.ship_via } : {}),
				trackingNumbers: d.tracking_numbers,
				...(shipDate ? { shipDate } : {}),
				...(d.warehouse ? { warehouse: d.warehouse } : {}),
				lines: d.items
					.map((i) => ({ sku: i.sku, quantity: shippedQuantity(i) }))
					.filter((l) => l.quantity > 0)
			};
		});
}

/** WPS dates come as "2024-05-02" or "2024-05-02 14:03:00" (UTC); we keep ISO strings. */
export function toIsoDate(value: string | null | undefined): string | undefined {
	if (!value) return undefined;
	const normalised = /^\d{4}-\d{2}-\d{2}$/.test(value)
		? `${value}T00:00:00Z`
		: value.replace(' ', 'T');
	const at = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(normalised) ? normalised : `${normalised}Z`);
	return Number.isNaN(at) ? undefined : new Date(at).toISOString();
}
