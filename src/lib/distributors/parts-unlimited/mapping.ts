import { carrierOf } from '$lib/domain/carriers';
import { parsePriceToCents } from '$lib/domain/money';
import type { FieldLimit } from '../limits';
import { rollUpStatus } from '../skeleton';
import type {
	DropShipRequest,
	DropShipResult,
	OrderStatus,
	OrderStatusResult,
	ShipmentInfo,
	StockLine
} from '../types';
import { readStatusWord, statusResult, type ReadStatus } from '../wire';
import type { PuAvailability, PuOrder, PuOrderAccepted, PuPricing } from './api-schemas';
import { PU_UNCONFIRMED } from './constants';
import { PU_NAME } from './errors';

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
export function readQuantity(raw: string | number | null | undefined): {
	qty: number;
	capped: boolean;
} {
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
		const isPriced = price !== undefined && price.found !== false;
		const cost = isPriced ? parsePriceToCents(price.dealerPrice ?? null) : null;
		return {
			sku,
			found: warehouses.length > 0 || isPriced,
			totalQty: warehouses.reduce((sum, w) => sum + w.qty, 0),
			warehouses,
			capped: warehouses.some((w) => w.capped),
			...(cost === null ? {} : { costCents: cost })
		};
	});
}

type AnswerLine = PuOrderAccepted['line_items'][number];

/**
 * PU's answer line for each of ours: by `line_number` when PU sends it, else by part number (plain
 * or punctuated alike) in order, so the second line of a part takes the second answer for it.
 */
export function matchAnswerLines(
	request: DropShipRequest,
	answers: readonly AnswerLine[]
): (AnswerLine | undefined)[] {
	const used = new Set<AnswerLine>();
	return request.lines.map((line) => {
		const byNumber = answers.find(
			(a) => a.line_number !== undefined && a.line_number === String(line.lineNo)
		);
		const byPart = answers.find(
			(a) => !used.has(a) && a.line_number === undefined && plain(a.part_number) === plain(line.sku)
		);
		const found = byNumber ?? byPart;
		if (found) used.add(found);
		return found;
	});
}

/** Per-line outcome from PU's buckets; a line PU did not itemise counts as accepted. */
export function toLineResults(
	request: DropShipRequest,
	accepted: PuOrderAccepted
): DropShipResult['lines'] {
	const answers = matchAnswerLines(request, accepted.line_items);
	return request.lines.map((line, index) => {
		const answer = answers[index];
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
	return rollUpStatus(lineStates(orders).map((s) => s.status));
}

function lineStates(orders: readonly PuOrder[]): ReadStatus[] {
	return orders.flatMap((o) => o.items.map((i) => readStatusWord(LINE_WORDS, i.lineStatus)));
}

/** One PO as the adapter reports it, unknown line words noted. */
export function toStatusResult(poNumber: string, orders: readonly PuOrder[]): OrderStatusResult {
	return statusResult(
		PU_NAME,
		{
			poNumber,
			status: orderStatus(orders),
			distributorRefs: [...new Set(orders.map((o) => o.mfOrderNumber))],
			shipments: toShipments(orders)
		},
		lineStates(orders).map((s) => s.unknownWord)
	);
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
