import type { CatalogBlock, Offer } from '$lib/domain/catalog';
import type { DistributorId } from '$lib/domain/distributor';
import { hashAlnumRange, hashUpc } from '$lib/domain/key-hash';

/**
 * How a block of offers is stored. Format 1 (`CatalogBlock`, until issue 18) held an array of
 * offer objects: every field name written again for every offer, and ~10 objects and strings per
 * offer to read back. Format 2 is columnar: one string table or typed array per field, so a block
 * is a handful of values whatever its size; it is read back in a fraction of the time and held in
 * memory as it is (`OfferColumns` makes an `Offer` only for the offers a search returns).
 * Formats are append-only: a reader accepts every format ever written (`toColumnar`).
 */
export const COLUMNAR_FORMAT = 2;

/**
 * Strings of one field joined, with each one's length (the length column's `absent` marker where
 * the field was absent). Lengths, not offsets: they fit a byte or two, and bytes on disk count.
 */
export interface TextColumn {
	text: string;
	lengths: NumberColumn;
}

/** Few distinct values (brands, distributors, statuses): each value once, an index per offer. */
export interface DictColumn {
	values: string[];
	index: NumberColumn;
}

/**
 * Cents, quantities, lengths and indexes: all non-negative, each column in the narrowest typed
 * array its largest value fits, the type's largest value (-1 for Int32/Float64) meaning absent.
 */
export type NumberColumn = Uint8Array | Uint16Array | Int32Array | Float64Array;

export interface ColumnarBlock {
	importId: string;
	blockNo: number;
	format: typeof COLUMNAR_FORMAT;
	count: number;
	distributorId: DictColumn;
	sku: TextColumn;
	brand: DictColumn;
	mpn: TextColumn;
	upc: TextColumn;
	description: TextColumn;
	costCents: NumberColumn;
	msrpCents: NumberColumn;
	mapCents: NumberColumn;
	dropShipFeeCents: NumberColumn;
	status: DictColumn;
	/** Warehouse codes of this block; quantity of offer i at warehouse w is stock[i * codes + w]. */
	warehouses: string[];
	stock: NumberColumn;
	/**
	 * The hashes of each offer's exact keys (`keyHashes`), so a start-up indexes 600k offers
	 * without reading their text again. Written since the end of issue 18; a block from before has
	 * none and they are worked out when it is read (the field is optional, not a new format: any
	 * version reads a block that has it).
	 */
	keys?: Int32Array;
}

/** The exact keys hashed per offer, in this order: `keys[key * count + i]` for offer i. */
export const KEY_SKU = 0;
export const KEY_MPN = 1;
export const KEY_UPC = 2;
const KEY_COLUMNS = [
	['sku', hashAlnumRange],
	['mpn', hashAlnumRange],
	['upc', hashUpc]
] as const;

/**
 * Each offer's SKU, MPN (letters and digits, upper-cased) and UPC (digits without leading zeros)
 * hashed in place in the block's text; 0 where the text is empty (such an offer has no such key).
 */
export function keyHashes(block: ColumnarBlock): Int32Array {
	const { count } = block;
	const keys = new Int32Array(count * KEY_COLUMNS.length);
	KEY_COLUMNS.forEach(([field, hash], k) => {
		const column = block[field];
		const at = starts(column);
		for (let i = 0; i < count; i++) {
			const [from, to] = [at[i] as number, at[i + 1] as number];
			if (to > from) keys[k * count + i] = hash(column.text, from, to);
		}
	});
	return keys;
}

/** A block's key hashes: stored with it, or worked out once for a block from before they were. */
export function keysOf(block: ColumnarBlock): Int32Array {
	return (block.keys ??= keyHashes(block));
}

/** Whatever the catalogBlocks table holds: blocks of every format ever written. */
export type StoredCatalogBlock = CatalogBlock | ColumnarBlock;

export function isColumnar(block: StoredCatalogBlock): block is ColumnarBlock {
	return 'format' in block && block.format === COLUMNAR_FORMAT;
}

/** The marker of an absent value in a column of this type. */
export function absentOf(column: NumberColumn): number {
	return column instanceof Uint8Array ? 0xff : column instanceof Uint16Array ? 0xffff : -1;
}

const INT32_MAX = 2 ** 31 - 1;

/** A column of `n` values the largest of which is `max`, in the narrowest array that holds it. */
function narrowest(max: number, n: number): NumberColumn {
	return max < 0xff
		? new Uint8Array(n)
		: max < 0xffff
			? new Uint16Array(n)
			: max <= INT32_MAX
				? new Int32Array(n)
				: new Float64Array(n);
}

function numberColumn(values: ArrayLike<number | undefined>): NumberColumn {
	return numberColumnOf(
		Float64Array.from({ length: values.length }, (_, i) => values[i] ?? NaN),
		values.length
	);
}

/**
 * The first `n` values of `values` (NaN meaning absent) in the narrowest typed array that holds
 * them, the type's largest value marking an absent one: one rule for `encodeBlock`'s columns and
 * the block builder's (gathered in one reused array).
 */
export function numberColumnOf(values: Float64Array, n: number): NumberColumn {
	let max = 0;
	for (let i = 0; i < n; i++) {
		const value = values[i] as number;
		if (value > max) max = value;
	}
	const column = narrowest(max, n);
	const absent = absentOf(column);
	for (let i = 0; i < n; i++) {
		const value = values[i] as number;
		column[i] = value === value ? value : absent;
	}
	return column;
}

function textColumn(values: readonly (string | undefined)[]): TextColumn {
	return { text: values.join(''), lengths: numberColumn(values.map((v) => v?.length)) };
}

function dictColumn(values: readonly (string | undefined)[]): DictColumn {
	const ids = new Map<string, number>();
	const index = values.map((value) => {
		if (value === undefined) return undefined;
		let id = ids.get(value);
		if (id === undefined) ids.set(value, (id = ids.size));
		return id;
	});
	return { values: [...ids.keys()], index: numberColumn(index) };
}

/** One block of offers in the columnar layout. */
export function encodeBlock(
	importId: string,
	blockNo: number,
	offers: readonly Offer[]
): ColumnarBlock {
	const warehouses = [...new Set(offers.flatMap((o) => Object.keys(o.stock)))];
	const quantities = new Array<number | undefined>(offers.length * warehouses.length);
	offers.forEach((offer, i) =>
		warehouses.forEach((code, w) => (quantities[i * warehouses.length + w] = offer.stock[code]))
	);
	const block: ColumnarBlock = {
		importId,
		blockNo,
		format: COLUMNAR_FORMAT,
		count: offers.length,
		distributorId: dictColumn(offers.map((o) => o.distributorId)),
		sku: textColumn(offers.map((o) => o.sku)),
		brand: dictColumn(offers.map((o) => o.brand)),
		mpn: textColumn(offers.map((o) => o.mpn)),
		upc: textColumn(offers.map((o) => o.upc)),
		description: textColumn(offers.map((o) => o.description)),
		costCents: numberColumn(offers.map((o) => o.costCents)),
		msrpCents: numberColumn(offers.map((o) => o.msrpCents)),
		mapCents: numberColumn(offers.map((o) => o.mapCents)),
		dropShipFeeCents: numberColumn(offers.map((o) => o.dropShipFeeCents)),
		status: dictColumn(offers.map((o) => o.status)),
		warehouses,
		stock: numberColumn(quantities)
	};
	block.keys = keyHashes(block);
	return block;
}

/** A stored block of any format, as a columnar block (format 1 is converted in memory). */
export function toColumnar(block: StoredCatalogBlock): ColumnarBlock {
	return isColumnar(block) ? block : encodeBlock(block.importId, block.blockNo, block.offers);
}

/** Where each value of a text column starts, worked out once per column read. */
const startsOf = new WeakMap<TextColumn, Int32Array>();

/** Where value i of a text column starts (entry i) and ends (entry i + 1); empty where absent. */
export function starts(column: TextColumn): Int32Array {
	let found = startsOf.get(column);
	if (!found) {
		const { lengths } = column;
		const absent = absentOf(lengths);
		found = new Int32Array(lengths.length + 1);
		for (let i = 0; i < lengths.length; i++) {
			const length = lengths[i] as number;
			found[i + 1] = (found[i] as number) + (length === absent ? 0 : length);
		}
		startsOf.set(column, found);
	}
	return found;
}

/** Value i of a text column; undefined where it was absent. */
export function textAt(column: TextColumn, i: number): string | undefined {
	if (column.lengths[i] === absentOf(column.lengths)) return undefined;
	const at = starts(column);
	return column.text.slice(at[i], at[i + 1]);
}

export function dictAt(column: DictColumn, i: number): string | undefined {
	return numberAt(column.index, i) === undefined ? undefined : column.values[column.index[i] ?? 0];
}

function numberAt(column: NumberColumn, i: number): number | undefined {
	const value = column[i];
	return value === undefined || value === absentOf(column) ? undefined : value;
}

/** Offer i of a columnar block, with exactly the fields it was stored with. */
export function offerAt(block: ColumnarBlock, i: number): Offer {
	const offer: Offer = {
		distributorId: dictAt(block.distributorId, i) as DistributorId,
		sku: textAt(block.sku, i) ?? '',
		brand: dictAt(block.brand, i) ?? '',
		mpn: textAt(block.mpn, i) ?? '',
		description: textAt(block.description, i) ?? '',
		costCents: numberAt(block.costCents, i) ?? 0,
		stock: {}
	};
	const upc = textAt(block.upc, i);
	if (upc !== undefined) offer.upc = upc;
	const msrp = numberAt(block.msrpCents, i);
	if (msrp !== undefined) offer.msrpCents = msrp;
	const map = numberAt(block.mapCents, i);
	if (map !== undefined) offer.mapCents = map;
	const fee = numberAt(block.dropShipFeeCents, i);
	if (fee !== undefined) offer.dropShipFeeCents = fee;
	const status = dictAt(block.status, i);
	if (status !== undefined) offer.status = status;
	const codes = block.warehouses.length;
	block.warehouses.forEach((code, w) => {
		const qty = numberAt(block.stock, i * codes + w);
		if (qty !== undefined) offer.stock[code] = qty;
	});
	return offer;
}

/** Every offer of a block, in order (backups write format 1, which any version restores). */
export function blockOffers(block: StoredCatalogBlock): Offer[] {
	if (!isColumnar(block)) return [...block.offers];
	return Array.from({ length: block.count }, (_, i) => offerAt(block, i));
}
