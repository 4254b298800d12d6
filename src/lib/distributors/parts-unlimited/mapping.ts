import { carrierOf } from '$lib/domain/carriers';
import { parsePriceToCents } from '$lib/domain/money';
import type { FieldLimit } from '../limits';
import type {
	DropShipRequest,
	DropShipResult,
	OrderStatus,
	ShipmentInfo,
	StockLine
} from '../types';
import type { PuAvailability, PuOrder, PuOrderAccepted, PuPricing } from './api-schemas';
import { PU_UNCONFIRMED } from './constants';

/** Pure conversions between our types and the Parts Unlimited wire format. */

export function orderLimits(request: DropShipRequest, dealer: string): FieldLimit[] {
	return [
		{ field: 'dealerNumber', label: 'Dealer number', max: 20, value: dealer, isRequired: true },
		{
			field: 'poNumber',
			label: 'PO number',
			max: PU_UNCONFIRMED.maxPoLength,
			value: request.poNumber,
			isRequired: true
		}
	];
}

/** POST /orders/dropship body, as four independent integrations send it [CODE×4]. */
export function toOrderBody(request: DropShipRequest, dealer: string): Record<string, unknown> {
	const { shipTo } = request;
	const policy = PU_UNCONFIRMED.cancellationPolicy;
	return {
		dealer_number: dealer,
		order_type: 'DS',
		purchase_order_number: request.poNumber,
		shipping_method: PU_UNCONFIRMED.shippingMethod[request.shippingMethod],
		validate_price: false,
		cancellation_policy: (request.allowBackorder ?? true) ? policy.backorder : policy.cancel,
		ship_to_address: {
			name: shipTo.name,
			...(shipTo.company ? { company: shipTo.company } : {}),
			address_line_1: shipTo.line1,
			...(shipTo.line2 ? { address_line_2: shipTo.line2 } : {}),
			city: shipTo.city,
			state: shipTo.state,
			postal_code: shipTo.postalCode,
			country: shipTo.country
		},
		line_items: request.lines.map((l) => ({
			line_number: l.lineNo,
			part_number: l.sku,
			quantity: l.quantity
		}))
	};
}

/** "5", 5, "10+", "+" (feed style: many), "N/A" or blank (none). */
export function readQuantity(raw: string | number | null): { qty: number; capped: boolean } {
	if (typeof raw === 'number') return { qty: Math.max(0, Math.trunc(raw)), capped: false };
	const text = (raw ?? '').trim();
	if (text === '+') return { qty: PU_UNCONFIRMED.plusQuantity, capped: true };
	const match = /^(\d+)(\+)?$/.exec(text);
	if (!match) return { qty: 0, capped: false };
	return { qty: Number(match[1]), capped: match[2] === '+' };
}

const plain = (pn: string) => pn.replace(/[^0-9A-Z]/gi, '').toUpperCase();

/** Joins availability and pricing by part number, plain or punctuated alike. */
export function toStockLines(
	skus: readonly string[],
	availability: PuAvailability,
	pricing: PuPricing
): StockLine[] {
	return skus.map((sku) => {
		const stock = availability.availability.find((a) => plain(a.partNumber) === plain(sku));
		const price = pricing.pricing.find((p) => plain(p.partNumber) === plain(sku));
		const warehouses = (stock?.warehouses ?? []).map((w) => ({
			code: w.warehouse,
			...readQuantity(w.quantity)
		}));
		const cost = price?.found ? parsePriceToCents(price.dealerPrice ?? null) : null;
		return {
			sku,
			found: warehouses.length > 0 || price?.found === true,
			totalQty: warehouses.reduce((sum, w) => sum + w.qty, 0),
			warehouses,
			capped: warehouses.some((w) => w.capped),
			...(cost === null ? {} : { costCents: cost })
		};
	});
}

/** Per-line outcome from PU's buckets; a line PU did not itemise counts as accepted. */
export function toLineResults(
	request: DropShipRequest,
	accepted: PuOrderAccepted
): DropShipResult['lines'] {
	return request.lines.map((line) => {
		const answer = accepted.line_items.find((l) => l.line_number === line.lineNo);
		const base = { lineNo: line.lineNo, sku: line.sku, quantity: line.quantity };
		const backordered = answer?.backordered?.quantity ?? 0;
		const cancelled = answer?.cancelled?.quantity ?? 0;
		if (cancelled >= line.quantity) {
			return { ...base, outcome: 'rejected', message: `${line.sku}: cancelled, not in stock` };
		}
		if (backordered > 0) {
			return {
				...base,
				outcome: 'backordered',
				message: `${backordered} of ${line.quantity} on backorder at Parts Unlimited`
			};
		}
		return { ...base, outcome: 'accepted' };
	});
}

const LINE_WORDS: Readonly<Record<string, OrderStatus>> = PU_UNCONFIRMED.lineStatus;

/** The order's status from its lines (PU reports progress per line). */
export function orderStatus(orders: readonly PuOrder[]): OrderStatus {
	const states = orders.flatMap((o) =>
		o.items.map((i) => LINE_WORDS[i.lineStatus.trim().toUpperCase()] ?? 'open')
	);
	const live = states.filter((s) => s !== 'cancelled');
	if (states.length > 0 && live.length === 0) return 'cancelled';
	const isShipped = (s: OrderStatus) => s === 'shipped' || s === 'invoiced';
	if (live.length > 0 && live.every((s) => s === 'invoiced')) return 'invoiced';
	if (live.length > 0 && live.every(isShipped)) return 'shipped';
	if (live.some(isShipped)) return 'partially_shipped';
	if (live.some((s) => s === 'backordered')) return 'backordered';
	return 'open';
}

/** Lines shipped together (same location, day, carrier and cartons) are one shipment. */
export function toShipments(orders: readonly PuOrder[]): ShipmentInfo[] {
	const byKey = new Map<string, ShipmentInfo>();
	for (const order of orders) {
		for (const line of order.items) {
			if (line.quantityShipped <= 0) continue;
			const tracking = line.shippingCartons.map((c) => c.trackingNumber);
			const key = [order.mfOrderNumber, line.locationCode, line.shipDate, tracking.join(',')].join(
				'|'
			);
			const existing = byKey.get(key);
			if (existing) {
				existing.lines.push({ sku: line.partNumber, quantity: line.quantityShipped });
				continue;
			}
			const shipDate = toIso(line.shipDate);
			byKey.set(key, {
				distributorRef: `${order.mfOrderNumber}-${line.locationCode ?? ''}-${line.shipDate ?? ''}`,
				carrier: carrierOf(tracking[0] ?? '', line.shipVia ?? undefined),
				...(line.shipVia ? { service: line.shipVia } : {}),
				trackingNumbers: tracking,
				...(shipDate ? { shipDate } : {}),
				...(line.locationCode ? { warehouse: line.locationCode } : {}),
				lines: [{ sku: line.partNumber, quantity: line.quantityShipped }]
			});
		}
	}
	return [...byKey.values()];
}

function toIso(value: string | null | undefined): string | undefined {
	if (!value) return undefined;
	const at = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
	return Number.isNaN(at) ? undefined : new Date(at).toISOString();
}

/** PU's list filters take dates as YYYY-MM-DD (format unconfirmed). */
export function listDate(at: Date): string {
	return at.toISOString().slice(0, 10);
}
