import Papa from 'papaparse';
import { parsePriceToCents } from '$lib/domain/money';
import { NewOrderInput } from '$lib/domain/order';
import { parseStoreDate, readLineFulfilment, readStoreState } from '$lib/domain/store-state';

/**
 * Reads the order CSV storefronts export, Shopify's layout first: one row per line item, the
 * order's fields on its first row (and repeated or blank on the others). Each order is checked
 * whole: a bad row refuses its order, reported with the source line; the other orders go in.
 */
export interface ImportProblem {
	/** 1-based line in the file where the bad row starts (quoted newlines counted). */
	line: number;
	orderNumber?: string;
	reason: string;
}

export interface OrderImport {
	orders: NewOrderInput[];
	/** Where each order starts in the file (the same index as `orders`), for the import report. */
	lines: number[];
	problems: ImportProblem[];
}

const REQUIRED_COLUMNS = [
	'Name',
	'Email',
	'Lineitem quantity',
	'Lineitem name',
	'Lineitem price',
	'Lineitem sku'
];

interface Row {
	line: number;
	cells: Record<string, string>;
}

/** "2026-11-18 09:12:40 -0700" (Shopify) or any ISO date → ISO in UTC; undefined when unreadable. */
export const parseShopifyDate = parseStoreDate;

/** Shopify renamed "Cancelled at" to "Canceled at" in its newer export layout; both are read. */
const CANCELLED_AT = ['Cancelled at', 'Canceled at'];

function readRows(text: string): { rows: Row[]; fields: string[] } {
	const rows: Row[] = [];
	let offset = 0;
	let line = 2;
	const body = text.replace(/^\uFEFF/, '');
	const headerEnd = body.search(/\r?\n/);
	const headerLength = headerEnd < 0 ? body.length : headerEnd + (body[headerEnd] === '\r' ? 2 : 1);
	let fields: string[] = [];
	Papa.parse<Record<string, string>>(body, {
		header: true,
		skipEmptyLines: 'greedy',
		transformHeader: (h) => h.trim(),
		step: (result) => {
			fields = result.meta.fields ?? fields;
			const end = result.meta.cursor;
			const start = Math.max(offset, headerLength);
			// Count the lines this row spans, so the next row's number is right even with quoted newlines.
			const consumed = body.slice(start, end);
			rows.push({ line, cells: result.data });
			line += (consumed.match(/\n/g)?.length ?? 0) + (consumed.endsWith('\n') ? 0 : 1);
			offset = end;
		}
	});
	return { rows, fields };
}

function orderFrom(
	number: string,
	rows: Row[]
): { order?: NewOrderInput; problem?: ImportProblem } {
	const first = rows[0] as Row;
	const pick = (column: string) => rows.map((r) => r.cells[column]?.trim()).find((v) => v) ?? '';
	const items = [];
	for (const row of rows) {
		const quantity = Number(row.cells['Lineitem quantity']);
		const price = parsePriceToCents(row.cells['Lineitem price']);
		if (!Number.isInteger(quantity) || quantity <= 0) {
			return {
				problem: {
					line: row.line,
					orderNumber: number,
					reason: `quantity '${row.cells['Lineitem quantity'] ?? ''}' is not a whole number`
				}
			};
		}
		if (price === null) {
			return {
				problem: {
					line: row.line,
					orderNumber: number,
					reason: `price '${row.cells['Lineitem price'] ?? ''}' is not a price`
				}
			};
		}
		const requiresShipping = row.cells['Lineitem requires shipping']?.trim().toLowerCase();
		const lineStatus = row.cells['Lineitem fulfillment status'];
		items.push({
			title: row.cells['Lineitem name'] ?? '',
			sku: row.cells['Lineitem sku'] ?? '',
			...(row.cells['Vendor']?.trim() ? { brand: row.cells['Vendor'].trim() } : {}),
			quantity,
			unitPriceCents: price,
			...(requiresShipping === 'false' ? { requiresShipping: false } : {}),
			...(lineStatus !== undefined ? { storeFulfilment: readLineFulfilment(lineStatus) } : {})
		});
	}
	// The store's status is read only from an export that has it: a hand-made file says nothing.
	const hasStatus = rows.some((r) => r.cells['Financial Status'] !== undefined);
	const storeState = hasStatus
		? readStoreState({
				store: 'shopify',
				financialStatus: pick('Financial Status'),
				fulfillmentStatus: pick('Fulfillment Status'),
				cancelledAt: CANCELLED_AT.map(pick).find(Boolean)
			})
		: undefined;
	const name = pick('Shipping Name') || pick('Billing Name');
	const candidate = {
		number,
		createdAt: parseShopifyDate(pick('Created at')),
		buyer: { name, email: pick('Email') },
		shipTo: {
			name,
			...(pick('Shipping Company') ? { company: pick('Shipping Company') } : {}),
			line1: pick('Shipping Address1') || pick('Shipping Street'),
			...(pick('Shipping Address2') ? { line2: pick('Shipping Address2') } : {}),
			city: pick('Shipping City'),
			state: pick('Shipping Province'),
			postalCode: pick('Shipping Zip'),
			country: pick('Shipping Country'),
			...(pick('Shipping Phone') ? { phone: pick('Shipping Phone') } : {})
		},
		items,
		source: 'csv' as const,
		...(pick('Notes') ? { note: pick('Notes') } : {}),
		...(storeState ? { storeState } : {})
	};
	const parsed = NewOrderInput.safeParse(candidate);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return {
			problem: {
				line: first.line,
				orderNumber: number,
				reason: `${issue?.path.join('.') ?? 'order'} ${issue?.message ?? 'is not valid'}`
			}
		};
	}
	return { order: parsed.data };
}

export function parseOrderCsv(text: string): OrderImport | { error: string } {
	if (text.trim() === '') return { error: 'The file is empty.' };
	if (text.includes('\u0000')) return { error: 'This is not a CSV file.' };
	const { rows, fields } = readRows(text);
	const missing = REQUIRED_COLUMNS.filter((c) => !fields.includes(c));
	if (missing.length > 0) {
		return {
			error: `This is not an order export: it has no ${missing.map((m) => `"${m}"`).join(', ')} column.`
		};
	}
	const groups = new Map<string, Row[]>();
	const problems: ImportProblem[] = [];
	for (const row of rows) {
		const number = (row.cells['Name'] ?? '').trim().replace(/^#/, '');
		if (!number) {
			problems.push({ line: row.line, reason: 'the order number (Name) is empty' });
			continue;
		}
		groups.set(number, [...(groups.get(number) ?? []), row]);
	}
	const orders: NewOrderInput[] = [];
	const lines: number[] = [];
	for (const [number, group] of groups) {
		const { order, problem } = orderFrom(number, group);
		if (order) {
			orders.push(order);
			lines.push(group[0]?.line ?? 0);
		}
		if (problem) problems.push(problem);
	}
	return { orders, lines, problems: problems.sort((a, b) => a.line - b.line) };
}
