import {
	absentOf,
	dictAt,
	starts,
	textAt,
	type ColumnarBlock,
	type TextColumn
} from '$lib/db/catalog-blocks';
import type { OfferColumns } from '$lib/db/offer-columns';
import { normaliseMpn, type Offer } from '$lib/domain/catalog';
import { canonicalBrand, type BrandAliases } from '$lib/domain/matching';
import {
	FNV_OFFSET,
	FNV_PRIME,
	hashAlnum,
	hashAlnumRange,
	hashAlnumRangeTwice,
	hashText,
	hashUpc,
	KeyTable
} from './keys';

/**
 * One distributor's feed, indexed in memory: hash tables for the exact keys (SKU, MPN, UPC,
 * product) and a token map over brand and description words with a sorted token list for prefix
 * search. SKU and MPN prefixes are found in one joined string, built on first use.
 */
export type Postings = Map<string, number | number[]>;

export function postingsOf(map: Postings, key: string): readonly number[] {
	const value = map.get(key);
	if (value === undefined) return [];
	return typeof value === 'number' ? [value] : value;
}

export function postingCount(map: Postings, key: string): number {
	const value = map.get(key);
	return value === undefined ? 0 : typeof value === 'number' ? 1 : value.length;
}

const WORD = /[a-z0-9]+/g;

export function descriptionWords(offer: Pick<Offer, 'brand' | 'description'>): string[] {
	return `${offer.brand} ${offer.description}`.toLowerCase().match(WORD) ?? [];
}

/** The words offer n is found by: brand, description, and its SKU and MPN run together. */
export function offerWords(offers: OfferColumns, n: number): string[] {
	const words = descriptionWords({ brand: offers.brand(n), description: offers.description(n) });
	words.push(normaliseMpn(offers.sku(n)).toLowerCase(), normaliseMpn(offers.mpn(n)).toLowerCase());
	return words;
}

/** Product key hash: canonical brand, a separator, then the MPN's letters and digits. */
export function productHash(brand: string, mpn: string): number {
	return hashAlnum(mpn, hashText(`${brand}|`));
}

export interface CatalogSlice {
	importId: string;
	/** The feed's stored blocks, read in place (no object per offer). */
	offers: OfferColumns;
	sku: KeyTable;
	mpn: KeyTable;
	upc: KeyTable;
	product: KeyTable;
	/** Null while the word index is still being built after start-up (search scans meanwhile). */
	tokens: Postings | null;
	/** Every token once, sorted, for prefix ranges by binary search. */
	sortedTokens: string[];
	/**
	 * Every offer's SKU and MPN (entry 2n and 2n + 1) in the order of their normalised text, for
	 * part-number prefixes by binary search; missing until built. The text is not kept: a probe
	 * normalises the one it reads.
	 */
	parts?: Int32Array;
}

/** Yields to the worker's event loop so searches answer while a big feed is indexed. */
export type Pause = () => Promise<void>;

/** Offers handled between pauses: a ms or two of work, so a search waits at most that long. */
const BATCH = 2_000;

/**
 * Visits every block (`first` is the feed number of its first offer), pausing about every BATCH
 * offers; the visitor reads the columns it needs without making an offer object.
 */
async function eachBlock(
	offers: OfferColumns,
	pause: Pause | undefined,
	visit: (block: ColumnarBlock, first: number) => void
): Promise<void> {
	let first = 0;
	let sincePause = 0;
	for (const block of offers.blocks) {
		if (pause && sincePause >= BATCH) {
			await pause();
			sincePause = 0;
		}
		visit(block, first);
		first += block.count;
		sincePause += block.count;
	}
}

/** The same an offer at a time (`i` within the block, `n` in the feed). */
function eachOffer(
	offers: OfferColumns,
	pause: Pause | undefined,
	visit: (block: ColumnarBlock, i: number, n: number) => void
): Promise<void> {
	return eachBlock(offers, pause, (block, first) => {
		for (let i = 0; i < block.count; i++) visit(block, i, first + i);
	});
}

const text = (column: ColumnarBlock['sku'], i: number) => textAt(column, i) ?? '';

/** Adds each offer of a block whose value in `column` is not empty, by the hash of its text. */
function addHashes(
	table: KeyTable,
	column: TextColumn,
	count: number,
	first: number,
	hashOf: (text: string, from: number, to: number) => number
): void {
	const at = starts(column);
	for (let i = 0; i < count; i++) {
		const [from, to] = [at[i] as number, at[i + 1] as number];
		if (to > from) table.add(hashOf(column.text, from, to), first + i);
	}
}

/**
 * Indexes a feed. At start-up (`isFull` false) only the exact-key tables are built (SKU, MPN,
 * product, UPC: what every lookup of an order item and every search's grouping needs, and cheap);
 * `completeSlice` adds the word and part-number indexes in the background.
 */
export async function buildSlice(
	importId: string,
	offers: OfferColumns,
	aliases: BrandAliases,
	pause?: Pause,
	isFull = true
): Promise<CatalogSlice> {
	const slice: CatalogSlice = {
		importId,
		offers,
		sku: new KeyTable(offers.length),
		mpn: new KeyTable(offers.length),
		upc: new KeyTable(offers.length),
		product: new KeyTable(offers.length),
		tokens: null,
		sortedTokens: []
	};
	const productKeys = productKeyAdder(aliases);
	// Hashed in place in the columns' text, a block at a time: no string per offer and no lookup
	// per offer on the start path (each block's brands are hashed once, its value starts read once).
	await eachBlock(offers, pause, (block, first) => {
		productKeys(slice.product, block, first, slice.mpn);
		addHashes(slice.upc, block.upc, block.count, first, hashUpc);
		addHashes(slice.sku, block.sku, block.count, first, hashAlnumRange);
	});
	// A pause before each sort: a 200k-row table sorts in ~10 ms, and a search may be waiting.
	for (const table of [slice.product, slice.upc, slice.sku, slice.mpn]) {
		await pause?.();
		table.seal();
	}
	if (isFull) await completeSlice(slice, pause);
	return slice;
}

/** The word index and the part-number order, whichever are missing. */
export async function completeSlice(slice: CatalogSlice, pause?: Pause): Promise<void> {
	if (!slice.tokens) await buildWords(slice, pause);
	if (!slice.parts) await buildParts(slice, pause);
}

/** The word index of a slice: on its own so start-up can answer before it is built. */
export async function buildWords(slice: CatalogSlice, pause?: Pause): Promise<void> {
	const words = new WordCollector();
	await eachOffer(slice.offers, pause, (block, i, n) => {
		words.add(dictAt(block.brand, i) ?? '', n);
		words.add(text(block.description, i), n);
	});
	const tokens = words.postings();
	slice.sortedTokens = [...tokens.keys()].sort();
	slice.tokens = tokens;
}

/**
 * Splits text into lower-case ASCII words (as `descriptionWords`) without allocating a string per
 * word: a word is hashed as it is read and looked up by number; only a new word is sliced out.
 * Two words with one hash would share postings; search re-checks every hit's words.
 */
class WordCollector {
	private ids = new Map<number, number>();
	private words: string[] = [];
	private lists: (number | number[])[] = [];

	add(text: string, offer: number): void {
		let h = FNV_OFFSET;
		let start = -1;
		for (let i = 0; i <= text.length; i++) {
			let c = i < text.length ? text.charCodeAt(i) : 32;
			if (c >= 65 && c <= 90) c += 32;
			if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
				if (start < 0) [start, h] = [i, FNV_OFFSET];
				h = Math.imul(h ^ c, FNV_PRIME);
			} else if (start >= 0) {
				this.post(h | 0, text, start, i, offer);
				start = -1;
			}
		}
	}

	private post(h: number, text: string, start: number, end: number, offer: number): void {
		const id = this.ids.get(h);
		if (id === undefined) {
			this.ids.set(h, this.words.length);
			this.words.push(text.slice(start, end).toLowerCase());
			this.lists.push(offer);
			return;
		}
		const list = this.lists[id] as number | number[];
		if (typeof list === 'number') {
			if (list !== offer) this.lists[id] = [list, offer];
		} else if (list[list.length - 1] !== offer) list.push(offer);
	}

	postings(): Postings {
		return new Map(this.words.map((w, i) => [w, this.lists[i] as number | number[]]));
	}
}

/** Brands repeat: each raw spelling is resolved through the alias table once. */
function brandHasher(aliases: BrandAliases): (brand: string) => number {
	const cache = new Map<string, number>();
	return (brand) => {
		let h = cache.get(brand);
		if (h === undefined) {
			h = hashText(`${canonicalBrand(brand, aliases)}|`);
			cache.set(brand, h);
		}
		return h;
	};
}

/** Product keys depend on the alias table: rebuilt alone when the dealer edits it. */
export function rekeyProducts(slice: CatalogSlice, aliases: BrandAliases): void {
	const product = new KeyTable(slice.offers.length);
	const productKeys = productKeyAdder(aliases);
	let first = 0;
	for (const block of slice.offers.blocks) {
		productKeys(product, block, first);
		first += block.count;
	}
	product.seal();
	slice.product = product;
}

/**
 * Adds a block's product keys (canonical brand, then the MPN's letters and digits) to a table,
 * and, given an MPN table, each bare MPN to it from the same reading of the characters.
 */
function productKeyAdder(
	aliases: BrandAliases
): (table: KeyTable, block: ColumnarBlock, first: number, mpnTable?: KeyTable) => void {
	const brandHash = brandHasher(aliases);
	const noBrand = brandHash('');
	const pair = new Int32Array(2);
	return (table, block, first, mpnTable) => {
		const seeds = block.brand.values.map(brandHash);
		const { index } = block.brand;
		const absent = absentOf(index);
		const at = starts(block.mpn);
		const { text } = block.mpn;
		for (let i = 0; i < block.count; i++) {
			const [from, to] = [at[i] as number, at[i + 1] as number];
			if (to <= from) continue;
			const b = index[i] as number;
			const seed = b === absent ? noBrand : (seeds[b] as number);
			if (!mpnTable) {
				table.add(hashAlnumRange(text, from, to, seed), first + i);
				continue;
			}
			hashAlnumRangeTwice(text, from, to, seed, pair);
			table.add(pair[0] as number, first + i);
			mpnTable.add(pair[1] as number, first + i);
		}
	};
}

/** Entry e of the part index: offer e >> 1's SKU (even) or MPN (odd), normalised. */
export function partKey(offers: OfferColumns, entry: number): string {
	const n = entry >> 1;
	return normaliseMpn(entry & 1 ? offers.mpn(n) : offers.sku(n));
}

/**
 * The part index for prefix search. Sorting 2 × 150k strings at once would hold the worker for a
 * few hundred ms, so entries are bucketed by their first two characters and each bucket sorted on
 * its own, with pauses between; the texts are dropped once the order is known.
 */
export async function buildParts(slice: CatalogSlice, pause?: Pause): Promise<void> {
	const keys: string[] = new Array(slice.offers.length * 2);
	await eachOffer(slice.offers, pause, (block, i, n) => {
		keys[2 * n] = normaliseMpn(text(block.sku, i));
		keys[2 * n + 1] = normaliseMpn(text(block.mpn, i));
	});
	const buckets = new Map<string, number[]>();
	keys.forEach((key, entry) => {
		if (!key) return;
		const head = key.slice(0, 2);
		const bucket = buckets.get(head);
		if (bucket) bucket.push(entry);
		else buckets.set(head, [entry]);
	});
	const order = new Int32Array(keys.length);
	let at = 0;
	let sincePause = 0;
	for (const head of [...buckets.keys()].sort()) {
		const bucket = buckets.get(head) as number[];
		bucket.sort((a, b) => {
			const [x, y] = [keys[a] as string, keys[b] as string];
			return x < y ? -1 : x > y ? 1 : a - b;
		});
		order.set(bucket, at);
		at += bucket.length;
		sincePause += bucket.length;
		if (pause && sincePause >= BATCH) {
			await pause();
			sincePause = 0;
		}
	}
	slice.parts = order.subarray(0, at);
}

/** First index in `sorted` whose value is ≥ `value`. */
export function lowerBound<T>(sorted: ArrayLike<T>, value: T): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if ((sorted[mid] as T) < value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
