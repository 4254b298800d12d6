/**
 * Compact exact-key tables for the catalog index. A Map with one string key per offer costs
 * ~100 bytes and ~0.5 µs an entry (600k offers × 4 keys: seconds and hundreds of MB); these hold
 * the keys' 32-bit hashes (`$lib/domain/key-hash`, stored with each block) in typed arrays.
 */
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
