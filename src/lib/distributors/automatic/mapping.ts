import { carrierOf } from '$lib/domain/carriers';
import { parsePriceToCents } from '$lib/domain/money';
import type { FieldLimit } from '../limits';
import { rollUpStatus } from '../skeleton';
import type {
	DropShipRequest,
	DropShipResult,
	LineOutcome,
	OrderStatus,
	OrderStatusResult,
	ShipmentInfo,
	StockLine
} from '../types';
import { readStatusWord, statusResult } from '../wire';
import type { AdCreated, AdGeneration, AdInventory } from './api-schemas';
import { AUTOMATIC_MAX_LOOKUP_DAYS, AUTOMATIC_MAX_PO, AUTOMATIC_UNCONFIRMED } from './constants';
import { AD_NAME } from './errors';

/** Pure conversions between our types and the (invented) Automatic v2 wire format. */

const A = AUTOMATIC_UNCONFIRMED;
const DAY = 86_400_000;

export function orderLimits(request: DropShipRequest): FieldLimit[] {
	return [
		{
			field: 'poNumber',
			label: 'PO number',
			max: AUTOMATIC_MAX_PO,
			value: request.poNumber,
			isRequired: true,
			isAsciiOnly: true
		},
		{ field: 'note', label: 'Note', max: A.maxNoteLength, value: request.note }
	];
}

/** POST /order/create body (shape invented, §8.4). */
export function toOrderBody(request: DropShipRequest): Record<string, unknown> {
	const s = request.shipTo;
	const note = request.note?.trim();
	return {
		header: {
			ponumber: request.poNumber,
			shipVia: A.shipVia[request.shippingMethod],
			allowBackorder: request.allowBackorder ?? true,
			...(note ? { notes: note } : {})
		},
		shipToAddress: {
			name: s.name,
			...(s.company ? { company: s.company } : {}),
			address1: s.line1,
			...(s.line2 ? { address2: s.line2 } : {}),
			city: s.city,
			state: s.state,
			zip: s.postalCode,
			country: s.country,
			...(s.phone ? { phone: s.phone } : {}),
			classification: A.classification
		},
		lines: request.lines.map((l) => ({ lineNumber: l.lineNo, sku: l.sku, quantity: l.quantity }))
	};
}

export function toStockLines(skus: readonly string[], inventory: AdInventory): StockLine[] {
	return skus.map((sku) => {
		const item = inventory.items.find((i) => i.sku.toUpperCase() === sku.toUpperCase());
		const warehouses = (item?.found ? item.warehouses : []).map((w) => ({
			code: w.code,
			qty: Math.max(0, w.quantity),
			capped: false
		}));
		const cost = item?.found ? parsePriceToCents(item.price ?? null) : null;
		return {
			sku,
			found: item?.found ?? false,
			totalQty: warehouses.reduce((sum, w) => sum + w.qty, 0),
			warehouses,
			capped: false,
			...(cost === null ? {} : { costCents: cost })
		};
	});
}

const LINE: Readonly<Record<string, LineOutcome>> = A.lineStatus;

export function toLineResults(
	request: DropShipRequest,
	created: AdCreated
): DropShipResult['lines'] {
	return request.lines.map((line) => {
		const answer = created.lines.find((l) => l.lineNumber === line.lineNo);
		const base = { lineNo: line.lineNo, sku: line.sku, quantity: line.quantity };
		const outcome = answer ? (LINE[answer.status.toUpperCase()] ?? 'accepted') : 'accepted';
		if (outcome === 'rejected')
			return { ...base, outcome, message: `${line.sku}: ${answer?.message ?? 'refused'}` };
		if (outcome === 'backordered' || (answer?.quantityBackordered ?? 0) > 0) {
			const qty = answer?.quantityBackordered || line.quantity;
			return {
				...base,
				outcome: 'backordered',
				message: `${qty} of ${line.quantity} on backorder at Automatic Distributors`
			};
		}
		return { ...base, outcome: 'accepted' };
	});
}

const GEN: Readonly<Record<string, OrderStatus>> = A.generationStatus;

/** The PO's status across its order generations ("00", "01" …). */
export function orderStatus(generations: readonly AdGeneration[]): OrderStatus {
	return rollUpStatus(generations.map((g) => readStatusWord(GEN, g.header.status).status));
}

/** One PO as the adapter reports it, from all its generations, unknown words noted. */
export function toStatusResult(
	poNumber: string,
	generations: readonly AdGeneration[]
): OrderStatusResult {
	return statusResult(
		AD_NAME,
		{
			poNumber,
			status: orderStatus(generations),
			distributorRefs: [...new Set(generations.map((g) => g.header.orderNumber))],
			shipments: toShipments(generations)
		},
		generations.map((g) => readStatusWord(GEN, g.header.status).unknownWord)
	);
}

/**
 * One shipment per shipped generation. A freight generation has a PRO number and no tracking
 * number; the PRO number then stands in as its tracking number (ShipmentInfo has no PRO field).
 */
export function toShipments(generations: readonly AdGeneration[]): ShipmentInfo[] {
	return generations.flatMap((g): ShipmentInfo[] => {
		const h = g.header;
		const status = GEN[h.status.trim().toUpperCase()];
		if (status !== 'shipped' && status !== 'invoiced') return [];
		const tracking = h.trackingNumber?.trim() || '';
		const pro = h.proNumber?.trim() || '';
		const shipDate = readUsDate(h.shipDate) ?? readUsDate(h.invoiceDate);
		return [
			{
				distributorRef: `${h.orderNumber}-${h.orderGenerationNumber}`,
				carrier: tracking ? carrierOf(tracking, h.shipVia) : (h.shipVia ?? A.freightShipVia),
				...(h.shipVia ? { service: tracking ? h.shipVia : `${h.shipVia} (PRO number)` } : {}),
				trackingNumbers: tracking ? [tracking] : pro ? [pro] : [],
				...(shipDate ? { shipDate } : {}),
				...(h.warehouse ? { warehouse: h.warehouse } : {}),
				lines: g.lines.map((l) => ({ sku: l.sku, quantity: l.quantity }))
			}
		];
	});
}

/**
 * Range endpoints do not separate `trackingNumber` and `proNumber` [3P-DOC S27]: a freight
 * generation's one number is its PRO. Moved where the lookup form keeps it, so both map alike.
 */
export function fromRangeGeneration(g: AdGeneration): AdGeneration {
	const number = g.header.trackingNumber?.trim() ?? '';
	if (number === '' || g.header.shipVia !== A.freightShipVia) return g;
	return { ...g, header: { ...g.header, trackingNumber: '', proNumber: number } };
}

/** MM/DD/YY (v2 `invoiceDate` [3P-DOC S27]) or MM/DD/YYYY → ISO; two-digit years are 20YY. */
export function readUsDate(raw: string | undefined): string | undefined {
	const match = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(raw?.trim() ?? '');
	if (!match) return undefined;
	const [, m = '', d = '', y = ''] = match;
	const year = y.length === 2 ? `20${y}` : y;
	const at = Date.parse(`${year}-${m.padStart(2, '0')}-${d.padStart(2, '0')}T00:00:00Z`);
	return Number.isNaN(at) ? undefined : new Date(at).toISOString();
}

/** The widest lookup Automatic allows: 365 days ending tomorrow (UTC dates, invented format). */
export function lookupWindow(now: Date): { startDate: string; endDate: string } {
	const end = new Date(now.getTime() + DAY);
	const start = new Date(end.getTime() - AUTOMATIC_MAX_LOOKUP_DAYS * DAY);
	return { startDate: start.toISOString().slice(0, 10), endDate: end.toISOString().slice(0, 10) };
}
