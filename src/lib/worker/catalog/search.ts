import {
	lowerBound,
	offerWords,
	partKey,
	postingCount,
	postingsOf,
	type CatalogSlice
} from './slice';

/** A prefix that spans more tokens than this is too broad to drive a search by itself. */
const MAX_PREFIX_TOKENS = 4000;
/** Candidates checked per distributor for one query; keeps a vague query within milliseconds. */
const MAX_CHECKED = 40_000;

function prefixRange(slice: CatalogSlice, word: string): [number, number] {
	const lo = lowerBound(slice.sortedTokens, word);
	let hi = lo;
	while (hi < slice.sortedTokens.length && (slice.sortedTokens[hi] as string).startsWith(word)) {
		hi++;
		if (hi - lo > MAX_PREFIX_TOKENS) return [lo, Number.POSITIVE_INFINITY];
	}
	return [lo, hi];
}

/** Offer numbers in one slice whose words start with every word of the query. */
export function wordHits(slice: CatalogSlice, words: readonly string[], max: number): number[] {
	if (words.length === 0) return [];
	const tokens = slice.tokens;
	if (!tokens) return scanHits(slice, words, max);
	// The most selective word drives; the others are checked on each candidate's own words.
	let driver = 0;
	let best = Number.POSITIVE_INFINITY;
	const ranges = words.map((word, i) => {
		const [lo, hi] = prefixRange(slice, word);
		let count = 0;
		if (Number.isFinite(hi)) {
			for (let t = lo; t < hi; t++) count += postingCount(tokens, slice.sortedTokens[t] as string);
		} else count = Number.POSITIVE_INFINITY;
		if (count < best || i === 0) [best, driver] = [count, i];
		return [lo, hi] as const;
	});
	if (best === 0) return [];
	const [lo, hiRaw] = ranges[driver] as readonly [number, number];
	const hi = Math.min(hiRaw, slice.sortedTokens.length);
	const lead = words[driver] as string;
	const seen = new Set<number>();
	const hits: number[] = [];
	let checked = 0;
	for (let t = lo; t < hi; t++) {
		const token = slice.sortedTokens[t] as string;
		if (!token.startsWith(lead)) break;
		for (const n of postingsOf(tokens, token)) {
			if (seen.has(n)) continue;
			seen.add(n);
			if (++checked > MAX_CHECKED) return hits;
			// The lead word too: two words can share a hash in the token map.
			const own = offerWords(slice.offers, n);
			if (!words.every((w) => own.some((o) => o.startsWith(w)))) continue;
			hits.push(n);
			if (hits.length >= max) return hits;
		}
	}
	return hits;
}

/**
 * The same answer without the word index, by reading every offer: used in the second or so after
 * start-up while the index is built, and stops at `max` hits.
 */
function scanHits(slice: CatalogSlice, words: readonly string[], max: number): number[] {
	const hits: number[] = [];
	const { offers } = slice;
	for (let n = 0; n < offers.length && hits.length < max; n++) {
		const text = ` ${offers.brand(n)} ${offers.description(n)}`.toLowerCase();
		if (
			!words.every(
				(w) => text.includes(` ${w}`) || text.includes(`-${w}`) || text.includes(`/${w}`)
			)
		)
			continue;
		const own = offerWords(offers, n);
		if (words.every((w) => own.some((o) => o.startsWith(w)))) hits.push(n);
	}
	return hits;
}

/** Offers whose normalised SKU or MPN starts with `compact` (upper-case letters and digits). */
export function partPrefixHits(slice: CatalogSlice, compact: string, max: number): number[] {
	const order = slice.parts;
	if (!order) return []; // still being built after start-up
	let lo = 0;
	let hi = order.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (partKey(slice.offers, order[mid] as number) < compact) lo = mid + 1;
		else hi = mid;
	}
	const hits: number[] = [];
	for (let at = lo; at < order.length && hits.length < max; at++) {
		const entry = order[at] as number;
		if (!partKey(slice.offers, entry).startsWith(compact)) break;
		if (!hits.includes(entry >> 1)) hits.push(entry >> 1);
	}
	return hits;
}
