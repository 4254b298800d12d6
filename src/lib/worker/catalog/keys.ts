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

/**
 * `hashAlnumRange` of one range with two seeds at once, the characters read once (a product key
 * and the bare MPN hash the same MPN): `out[0]` with `seed`, `out[1]` unseeded.
 */
export function hashAlnumRangeTwice(
	text: string,
	start: number,
	end: number,
	seed: number,
	out: Int32Array
): void {
	let seeded = seed;
	let plain = FNV_OFFSET;
	for (let i = start; i < end; i++) {
		let c = text.charCodeAt(i);
		if (c >= 97 && c <= 122) c -= 32;
		else if (c > 127) {
			out[0] = hashAlnumRange(text, start, end, seed);
			out[1] = hashAlnumRange(text, start, end);
			return;
		}
		if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90)) {
			seeded = Math.imul(seeded ^ c, FNV_PRIME);
			plain = Math.imul(plain ^ c, FNV_PRIME);
		}
	}
	out[0] = seeded | 0;
	out[1] = plain | 0;
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
 * Offers by the 32-bit hash of one key. Pairs are appended as a feed is read, then grouped once
 * by the top bits of their (mixed) hash in two passes, a counting sort (`seal`), about four pairs
 * to a bucket; a lookup reads one bucket. The open-addressing table this replaces touched a random
 * cache line on every insert, most of the start-up build with 600k offers (measured), and a full
 * radix sort costs four times the passes, each run cold by the JIT at start-up.
 */
export class KeyTable {
	private hashes: Int32Array;
	private offers: Int32Array;
	private size = 0;
	/** Where each bucket starts in the arrays; null until sealed (and after an add). */
	private starts: Int32Array | null = null;
	private shift = 32;

	constructor(capacity: number) {
		this.hashes = new Int32Array(Math.max(capacity, 16));
		this.offers = new Int32Array(this.hashes.length);
	}

	add(hash: number, offer: number): void {
		if (this.size === this.hashes.length) this.grow();
		this.hashes[this.size] = hash;
		this.offers[this.size++] = offer;
		this.starts = null;
	}

	/** Groups what was added by bucket (stable: offers of one hash stay in the order they came). */
	seal(): Int32Array {
		if (this.starts) return this.starts;
		const { size: n, hashes: from, offers: fromOffers } = this;
		const bits = Math.max(4, Math.ceil(Math.log2(n / 4 + 1)));
		const shift = 32 - bits;
		const starts = new Int32Array((1 << bits) + 1);
		for (let i = 0; i < n; i++) {
			const b = bucketOf(from[i] as number, shift) + 1;
			starts[b] = (starts[b] as number) + 1;
		}
		for (let b = 1; b < starts.length; b++) {
			starts[b] = (starts[b] as number) + (starts[b - 1] as number);
		}
		const cursor = starts.slice(0, -1);
		const hashes = new Int32Array(from.length);
		const offers = new Int32Array(from.length);
		for (let i = 0; i < n; i++) {
			const hash = from[i] as number;
			const b = bucketOf(hash, shift);
			const at = cursor[b] as number;
			cursor[b] = at + 1;
			hashes[at] = hash;
			offers[at] = fromOffers[i] as number;
		}
		[this.hashes, this.offers, this.starts, this.shift] = [hashes, offers, starts, shift];
		return starts;
	}

	/** Offer numbers whose key hashes to `hash` (a superset of the real matches), in feed order. */
	find(hash: number): number[] {
		const starts = this.seal();
		const b = bucketOf(hash | 0, this.shift);
		const found: number[] = [];
		for (let at = starts[b] as number; at < (starts[b + 1] as number); at++) {
			if (this.hashes[at] === (hash | 0)) found.push(this.offers[at] as number);
		}
		return found;
	}

	private grow(): void {
		const hashes = new Int32Array(this.hashes.length * 2);
		const offers = new Int32Array(hashes.length);
		hashes.set(this.hashes);
		offers.set(this.offers);
		[this.hashes, this.offers] = [hashes, offers];
	}
}

/** A bucket from the hash's top bits after a multiplicative mix (FNV's low bits are weak). */
function bucketOf(hash: number, shift: number): number {
	return Math.imul(hash, 0x9e3779b1) >>> shift;
}
