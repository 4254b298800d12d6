import {
	absentOf,
	dictAt,
	KEY_MPN,
	KEY_SKU,
	KEY_UPC,
	keysOf,
	textAt,
	type ColumnarBlock,
	type TextColumn
} from '$lib/db/catalog-blocks';
import type { OfferColumns } from '$lib/db/offer-columns';
import { normaliseMpn, type Offer } from '$lib/domain/catalog';
import { FNV_OFFSET, FNV_PRIME } from '$lib/domain/key-hash';
import { KeyTable } from './keys';

/**
 * One distributor's feed, indexed in memory: hash tables for the exact keys (SKU, MPN, UPC) and a
 * token map over brand and description words with a sorted token list for prefix search. SKU and
 * MPN prefixes are found in one joined string, built on first use.
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

export interface CatalogSlice {
	importId: string;
	/** The feed's stored blocks, read in place (no object per offer). */
	offers: OfferColumns;
	sku: KeyTable;
	mpn: KeyTable;
	upc: KeyTable;
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
/** The same for adding stored key hashes to the tables: a few ns an offer. */
const KEY_BATCH = 25_000;

/**
 * Visits every block (`first` is the feed number of its first offer), pausing about every BATCH
 * offers; the visitor reads the columns it needs without making an offer object.
 */
async function eachBlock(
	offers: OfferColumns,
	pause: Pause | undefined,
	visit: (block: ColumnarBlock, first: number) => void,
	batch = BATCH
): Promise<void> {
	let first = 0;
	let sincePause = 0;
	for (const block of offers.blocks) {
		if (pause && sincePause >= batch) {
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

const text = (column: TextColumn, i: number) => textAt(column, i) ?? '';

/** Adds each offer of a block that has a value in `column` by its stored hash of key `key`. */
function addKeys(
	table: KeyTable,
	block: ColumnarBlock,
	key: number,
	column: TextColumn,
	first: number
): void {
	const { count } = block;
	const keys = keysOf(block);
	const { lengths } = column;
	const absent = absentOf(lengths);
	for (let i = 0, at = key * count; i < count; i++, at++) {
		const length = lengths[i] as number;
		if (length !== 0 && length !== absent) table.add(keys[at] as number, first + i);
	}
}

/**
 * Indexes a feed. At start-up (`isFull` false) only the exact-key tables are built (SKU, MPN,
 * UPC: what every lookup of an order item and every search's grouping needs), from the hashes
 * stored with each block, so no key's text is read; `completeSlice` adds the word and part-number
 * indexes in the background.
 */
export async function buildSlice(
	importId: string,
	offers: OfferColumns,
	pause?: Pause,
	isFull = true
): Promise<CatalogSlice> {
	const slice: CatalogSlice = {
		importId,
		offers,
		sku: new KeyTable(offers.length),
		mpn: new KeyTable(offers.length),
		upc: new KeyTable(offers.length),
		tokens: null,
		sortedTokens: []
	};
	await eachBlock(
		offers,
		pause,
		(block, first) => {
			addKeys(slice.sku, block, KEY_SKU, block.sku, first);
			addKeys(slice.mpn, block, KEY_MPN, block.mpn, first);
			addKeys(slice.upc, block, KEY_UPC, block.upc, first);
		},
		KEY_BATCH
	);
	// A pause before each sort: a 200k-row table sorts in a few ms, and a search may be waiting.
	for (const table of [slice.sku, slice.mpn, slice.upc]) {
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
