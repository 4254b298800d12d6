/**
 * 32-bit hashes of the catalog's exact keys, computed straight from raw text without building the
 * normalised string: the same hash for every spelling a key normalises to ("ds-12/34", "DS1234").
 * Stored with each catalog block at import (`keyHashes`) and recomputed for a lookup, so one
 * definition serves both; a hash is only a candidate, callers check the key itself.
 */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** Hash of the text's letters and digits, upper-cased: the same for "ds-12/34" and "DS1234". */
export function hashAlnum(text: string): number {
	return hashAlnumRange(text, 0, text.length);
}

/**
 * `hashAlnum` of `text.slice(start, end)` without making that string: keys are read straight out
 * of a block's joined column text.
 */
export function hashAlnumRange(text: string, start: number, end: number): number {
	let h = FNV_OFFSET;
	for (let i = start; i < end; i++) {
		let c = text.charCodeAt(i);
		if (c >= 97 && c <= 122) c -= 32;
		// Rare non-ASCII text takes the slow road, so the hash always equals normaliseMpn's.
		else if (c > 127) {
			return hashAscii(
				text
					.slice(start, end)
					.toUpperCase()
					.replace(/[^A-Z0-9]/g, '')
			);
		}
		if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90)) h = Math.imul(h ^ c, FNV_PRIME);
	}
	return h | 0;
}

function hashAscii(upperAlnum: string): number {
	let h = FNV_OFFSET;
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
