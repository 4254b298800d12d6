/**
 * Compact exact-key tables for the catalog index. A Map with one string key per offer costs
 * ~100 bytes and ~0.5 µs an entry (600k offers × 4 keys: seconds and hundreds of MB); these are
 * open-addressing tables of 32-bit hashes in typed arrays, computed straight from the raw text
 * without building the normalised string. A hash hit is only a candidate: callers check the key.
 */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** Hash of the text's letters and digits, upper-cased: the same for "ds-12/34" and "DS1234". */
export function hashAlnum(text: string, seed = FNV_OFFSET): number {
	return hashAlnumRange(text, 0, text.length, seed);
}

/**
 * `hashAlnum` of `text.slice(start, end)` without making that string: the index reads keys
 * straight out of a block's joined column text.
 */
export function hashAlnumRange(
	text: string,
	start: number,
	end: number,
	seed = FNV_OFFSET
): number {
	let h = seed;
	for (let i = start; i < end; i++) {
		let c = text.charCodeAt(i);
		if (c >= 97 && c <= 122) c -= 32;
		// Rare non-ASCII text takes the slow road, so the hash always equals normaliseMpn's.
		else if (c > 127) {
			return hashAscii(
				text
					.slice(start, end)
					.toUpperCase()
					.replace(/[^A-Z0-9]/g, ''),
				seed
			);
		}
		if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90)) h = Math.imul(h ^ c, FNV_PRIME);
	}
	return h | 0;
}

function hashAscii(upperAlnum: string, seed: number): number {
	let h = seed;
	for (let i = 0; i < upperAlnum.length; i++)
		h = Math.imul(h ^ upperAlnum.charCodeAt(i), FNV_PRIME);
	return h | 0;
}

/** Hash of a UPC's digits without leading zeros (as normaliseUpc); of `text`'s range if given. */
export function hashUpc(text: string, from = 0, to = text.length): number {
	let h = FNV_OFFSET;
	let started = false;
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c < 48 || c > 57) continue;
		if (!started && c === 48) continue;
		started = true;
		h = Math.imul(h ^ c, FNV_PRIME);
	}
	return started ? h | 0 : 0;
}

/** Hash of any string, every character counted (brands keep their punctuation: "K&N"). */
export function hashText(text: string, seed = FNV_OFFSET): number {
	let h = seed;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
	return h | 0;
}

/**
 * Offers by the 32-bit hash of one key. Pairs are appended as a feed is read, sorted by hash once
 * (`seal`, a four-pass radix sort) and found by binary search. The open-addressing table this
 * replaces touched a random cache line on every insert: with 600k offers that was most of the
 * start-up index build (measured); appending and radix passes walk memory in order.
 */
export class KeyTable {
	private hashes: Uint32Array;
	private offers: Int32Array;
	private size = 0;
	private isSorted = true;

	constructor(capacity: number) {
		this.hashes = new Uint32Array(Math.max(capacity, 16));
		this.offers = new Int32Array(this.hashes.length);
	}

	add(hash: number, offer: number): void {
		if (this.size === this.hashes.length) this.grow();
		this.hashes[this.size] = hash >>> 0;
		this.offers[this.size++] = offer;
		this.isSorted = false;
	}

	/** Sorts what was added (by hash; offers of one hash stay in the order they came). */
	seal(): void {
		if (this.isSorted) return;
		radixSort(this.hashes, this.offers, this.size);
		this.isSorted = true;
	}

	/** Offer numbers whose key hashes to `hash` (a superset of the real matches), in feed order. */
	find(hash: number): number[] {
		this.seal();
		const key = hash >>> 0;
		let lo = 0;
		let hi = this.size;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if ((this.hashes[mid] as number) < key) lo = mid + 1;
			else hi = mid;
		}
		const found: number[] = [];
		for (let at = lo; at < this.size && this.hashes[at] === key; at++) {
			found.push(this.offers[at] as number);
		}
		return found;
	}

	private grow(): void {
		const hashes = new Uint32Array(this.hashes.length * 2);
		const offers = new Int32Array(hashes.length);
		hashes.set(this.hashes);
		offers.set(this.offers);
		[this.hashes, this.offers] = [hashes, offers];
	}
}

/** Stable least-significant-digit radix sort of `keys[0..n)`, moving `values` along, in place. */
function radixSort(keys: Uint32Array, values: Int32Array, n: number): void {
	let [fromKeys, fromValues]: [Uint32Array, Int32Array] = [keys, values];
	let [toKeys, toValues]: [Uint32Array, Int32Array] = [new Uint32Array(n), new Int32Array(n)];
	const counts = new Int32Array(256);
	for (let shift = 0; shift < 32; shift += 8) {
		counts.fill(0);
		for (let i = 0; i < n; i++) {
			const digit = ((fromKeys[i] as number) >>> shift) & 255;
			counts[digit] = (counts[digit] as number) + 1;
		}
		let sum = 0;
		for (let b = 0; b < 256; b++) {
			const count = counts[b] as number;
			counts[b] = sum;
			sum += count;
		}
		for (let i = 0; i < n; i++) {
			const key = fromKeys[i] as number;
			const digit = (key >>> shift) & 255;
			const at = counts[digit] as number;
			counts[digit] = at + 1;
			toKeys[at] = key;
			toValues[at] = fromValues[i] as number;
		}
		[fromKeys, toKeys] = [toKeys, fromKeys];
		[fromValues, toValues] = [toValues, fromValues];
	}
	// Four passes: the sorted pairs are back in the arrays given.
}
