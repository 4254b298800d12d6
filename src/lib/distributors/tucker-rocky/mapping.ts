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
import type { TrItem, TrOrderLine, TrShipment } from './api-schemas';
import type { Param } from './client';
import { TUCKER_DC_CAP, TUCKER_NOTE_MAX, TUCKER_UNCONFIRMED } from './constants';
import { TUCKER_NAME } from './errors';

/** Pure conversions between our types and the Tucker "trws" wire format. */

/** Tucker item numbers are 6 characters without dashes; one integration strips them [CODE S13]. */
export function tuckerItem(sku: string): string {
	return sku.replace(/[\s-]/g, '').toUpperCase();
}

export function orderLimits(request: DropShipRequest): FieldLimit[] {
	return [
		{
			field: 'poNumber',
			label: 'PO number',
			max: TUCKER_UNCONFIRMED.maxPoLength,
			value: request.poNumber,
			isRequired: true
		},
		{ field: 'note', label: 'Invoice note', max: TUCKER_NOTE_MAX, value: request.note }
	];
}

/**
 * The ORD parameters in the order two integrations send them [CODE×2 S14, S15]. Tucker takes no
 * company or phone; `allowduplicatepo=NO` makes Tucker itself refuse a second order for a PO.
 */
export function toOrderParams(request: DropShipRequest): Param[] {
	const s = request.shipTo;
	const note = request.note?.trim();
	return [
		['name', s.name],
		['address1', s.line1],
		['address2', s.line2 ?? ''],
		['city', s.city],
		['state', s.state],
		['zip', s.postalCode],
		['po', request.poNumber],
		['allowduplicatepo', 'NO'],
		['carrier', TUCKER_UNCONFIRMED.carrier[request.shippingMethod]],
		['splitlines', TUCKER_UNCONFIRMED.splitLines],
		// Always YES: an ORD is sent only to place an order, never to look one up (distributors.md §9).
		['submit', 'YES'],
		...request.lines.map((l): Param => ['line', `${tuckerItem(l.sku)},${l.quantity}`]),
		...(note ? [['invoiceNote', note] satisfies Param] : [])
	];
}

/** A DC figure 0–9 where 9 means "9 or more" [3P-DOC S26]. */
export function readDcQuantity(raw: string | number | null | undefined): {
	qty: number;
	capped: boolean;
} {
	const qty = Math.max(
		0,
		Math.trunc(
			Number(
				String(raw ?? '')
					.trim()
					.replace(/\+$/, '')
			) || 0
		)
	);
	return { qty, capped: qty >= TUCKER_DC_CAP };
}

/**
 * The answer item for each SKU asked: by `itemnum` (without dashes) when Tucker names it, else by
 * position, as the witnesses read `item[0]` for the first item asked [CODE S14].
 */
export function itemsFor(
	skus: readonly string[],
	items: readonly TrItem[]
): (TrItem | undefined)[] {
	return skus.map((sku, index) => {
		const named = items.find(
			(i) => i.itemnum !== undefined && tuckerItem(i.itemnum) === tuckerItem(sku)
		);
		if (named) return named;
		const atPosition = items[index];
		return atPosition && atPosition.itemnum === undefined ? atPosition : undefined;
	});
}

/** INV items (and PRC prices when given) for the SKUs asked. */
export function toStockLines(
	skus: readonly string[],
	inventory: readonly TrItem[],
	prices: readonly TrItem[] = []
): StockLine[] {
	const stocked = itemsFor(skus, inventory);
	const priced = itemsFor(skus, prices);
	return skus.map((sku, index) => {
		const item = stocked[index];
		const price = priced[index];
		const isFound = item !== undefined && item.errormsg.trim() === '';
		const warehouses = isFound
			? item.dc.map((d) => ({ code: d.dcname, ...readDcQuantity(d.dcinv) }))
			: [];
		// No per-DC figures: the total `inventory` is all we have [CODE S14].
		const fallbackTotal =
			isFound && warehouses.length === 0 ? Math.max(0, Number(item.inventory ?? 0) || 0) : 0;
		const cost =
			TUCKER_UNCONFIRMED.isPriceDealerCost && price && price.errormsg.trim() === ''
				? parsePriceToCents(price.price ?? null)
				: null;
		return {
			sku,
			found: isFound,
			totalQty: warehouses.reduce((sum, w) => sum + w.qty, 0) + fallbackTotal,
			warehouses,
			capped: warehouses.some((w) => w.capped),
			...(cost === null ? {} : { costCents: cost })
		};
	});
}

/** Per-line outcome: a non-empty `errormsg` refuses that line [CODE S14]; `qtybo` is invented. */
export function toLineResults(
	request: DropShipRequest,
	lines: readonly TrOrderLine[]
): DropShipResult['lines'] {
	return request.lines.map((line, index) => {
		const byItem = lines.find((l) => l.itemnum && tuckerItem(l.itemnum) === tuckerItem(line.sku));
		const answer = lines.length === request.lines.length ? lines[index] : byItem;
		const base = { lineNo: line.lineNo, sku: line.sku, quantity: line.quantity };
		if (answer && answer.errormsg.trim() !== '') {
			return { ...base, outcome: 'rejected', message: `${line.sku}: ${answer.errormsg}` };
		}
		const backordered = Number(answer?.qtybo ?? 0) || 0;
		if (backordered > 0) {
			return {
				...base,
				outcome: 'backordered',
				message: `${backordered} of ${line.quantity} on backorder at Tucker Rocky`
			};
		}
		return { ...base, outcome: 'accepted' };
	});
}

export function lineErrors(lines: readonly TrOrderLine[]): string[] {
	return lines.map((l) => l.errormsg.trim()).filter((t) => t !== '');
}

const WORDS: Readonly<Record<string, OrderStatus>> = TUCKER_UNCONFIRMED.orderStatus;

/**
 * The state of each ordernum. SHP lists an ordernum only once something shipped (§8.3), so an
 * ordernum without an entry is open; an entry without the (invented) status word but with
 * tracking is read as shipped [INF]; an unknown word is open and handed back.
 */
function refStates(refs: readonly string[], shipments: readonly TrShipment[]): ReadStatus[] {
	return refs.map((ref): ReadStatus => {
		const entry = shipments.find((s) => s.ordernum === ref);
		if (!entry) return { status: 'open' };
		if (entry.orderstatus) {
			const read = readStatusWord(WORDS, entry.orderstatus);
			if (read.status !== 'open' || read.unknownWord) return read;
		}
		const hasTracking = entry.shipmentline.some((l) => l.trackingnumbers.length > 0);
		return { status: hasTracking ? 'shipped' : 'open' };
	});
}

/** The status of the orders behind a PO. */
export function orderStatus(
	refs: readonly string[],
	shipments: readonly TrShipment[]
): OrderStatus {
	return rollUpStatus(refStates(refs, shipments).map((s) => s.status));
}

/** One PO as the adapter reports it, from SHP for its ordernums, unknown words noted. */
export function toStatusResult(
	poNumber: string,
	refs: readonly string[],
	all: readonly TrShipment[]
): OrderStatusResult {
	const shipments = all.filter((s) => refs.includes(s.ordernum));
	return statusResult(
		TUCKER_NAME,
		{
			poNumber,
			status: orderStatus(refs, shipments),
			distributorRefs: [...refs],
			shipments: toShipments(shipments)
		},
		refStates(refs, shipments).map((s) => s.unknownWord)
	);
}

/** Shipment lines with the same DC, day and tracking numbers are one parcel group. */
export function toShipments(shipments: readonly TrShipment[]): ShipmentInfo[] {
	const byKey = new Map<string, ShipmentInfo>();
	for (const shipment of shipments) {
		for (const line of shipment.shipmentline) {
			const tracking = line.trackingnumbers.map((t) => t.trackingnum.trim()).filter(Boolean);
			if (tracking.length === 0) continue;
			const reported = line.trackingnumbers[0]?.carrier || undefined;
			const key = [shipment.ordernum, line.dcname, line.shipdate, tracking.join(',')].join('|');
			const item =
				line.itemnum !== undefined
					? [{ sku: line.itemnum, quantity: Number(line.qty ?? 0) || 0 }]
					: [];
			const existing = byKey.get(key);
			if (existing) {
				existing.lines.push(...item);
				continue;
			}
			const shipDate = readShipDate(line.shipdate ?? undefined);
			byKey.set(key, {
				distributorRef: `${shipment.ordernum}-${line.dcname ?? ''}-${tracking[0] ?? ''}`,
				carrier: carrierOf(tracking[0] ?? '', reported),
				...(reported ? { service: reported } : {}),
				trackingNumbers: tracking,
				...(shipDate ? { shipDate } : {}),
				...(line.dcname ? { warehouse: line.dcname } : {}),
				lines: item
			});
		}
	}
	return [...byKey.values()];
}

/** Ship dates in the forms an AS/400-era service may use: YYYYMMDD, YYYY-MM-DD, MM/DD/YYYY. */
export function readShipDate(raw: string | undefined): string | undefined {
	const text = raw?.trim() ?? '';
	let match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text);
	if (match) return iso(match[1], match[2], match[3]);
	match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
	if (match) return iso(match[3], match[1]?.padStart(2, '0'), match[2]?.padStart(2, '0'));
	return undefined;
}

function iso(y?: string, m?: string, d?: string): string | undefined {
	const at = Date.parse(`${y}-${m}-${d}T00:00:00Z`);
	return Number.isNaN(at) ? undefined : new Date(at).toISOString();
}
