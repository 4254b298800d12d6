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
 * Open addressing with linear probing; each slot is a (hash, offer + 1) pair side by side in one
 * array, so an insert or a probe touches one cache line (two arrays cost twice the misses, which
 * is most of the build time for 600k offers).
 */
export class KeyTable {
	private readonly slots: Int32Array;
	private readonly mask: number;

	constructor(capacity: number) {
		let size = 16;
		while (size < capacity * 2) size *= 2;
		this.slots = new Int32Array(size * 2);
		this.mask = size - 1;
	}

	add(hash: number, offer: number): void {
		let p = hash & this.mask;
		while (this.slots[2 * p + 1] !== 0) p = (p + 1) & this.mask;
		this.slots[2 * p] = hash;
		this.slots[2 * p + 1] = offer + 1;
	}

	/** Offer numbers whose key hashes to `hash` (a superset of the real matches). */
	find(hash: number): number[] {
		const found: number[] = [];
		let p = hash & this.mask;
		for (
			let slot = this.slots[2 * p + 1] as number;
			slot !== 0;
			slot = this.slots[2 * p + 1] as number
		) {
			if (this.slots[2 * p] === hash) found.push(slot - 1);
			p = (p + 1) & this.mask;
		}
		return found;
	}
}
