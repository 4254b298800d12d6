import { DISTRIBUTORS } from './distributor';
import type { Order } from './order';
import { PO_STATE_LABELS, SHIP_STATE_LABELS, type PurchaseOrder } from './purchase-order';

/**
 * CSV for the dealer's spreadsheet. A cell starting with = + - @ or a tab or carriage return is
 * read as a formula by Excel and Sheets (CSV injection: a buyer's name like "=HYPERLINK(…)" would
 * run), so such text is prefixed with a single quote. Numbers are written as they are.
 */
export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180: comma separated, CRLF line ends, a header row. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
	return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Money as a number a spreadsheet sums (89.95), not the text "$89.95". */
export const csvMoney = (cents: number): number => Math.round(cents) / 100;

/** "2025-03-07 14:05" in the dealer's local time, which spreadsheets read as a date. */
export function csvDateTime(iso: string): string {
	const d = new Date(iso);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const PO_CSV_HEADER = [
	'PO number',
	'Order number',
	'Distributor',
	'Placement',
	'Shipping',
	'Created',
	'Cost',
	'Distributor references',
	'Manual'
] as const;

/** The Purchase orders list as the dealer filtered it, one row per PO. */
export function purchaseOrdersCsv(
	pos: readonly PurchaseOrder[],
	orderOf: (orderId: string) => Pick<Order, 'number'> | undefined
): string {
	return toCsv(
		PO_CSV_HEADER,
		pos.map((po) => [
			po.poNumber,
			orderOf(po.orderId)?.number ?? po.orderId,
			DISTRIBUTORS[po.distributorId].name,
			PO_STATE_LABELS[po.state],
			SHIP_STATE_LABELS[po.shipState],
			csvDateTime(po.createdAt),
			csvMoney(po.costCents),
			po.distributorRefs.join(' '),
			po.isManual ? 'yes' : 'no'
		])
	);
}
