import { OfferColumns } from '$lib/db/offer-columns';
import { normaliseMpn, type CatalogProduct, type Offer } from '$lib/domain/catalog';
import type { DistributorId } from '$lib/domain/distributor';
import {
	canonicalBrand,
	canonicalProductKey,
	normaliseUpc,
	splitPrefixedSku,
	widen,
	type BrandAliases,
	type OfferLookup
} from '$lib/domain/matching';
import { hashAlnum, hashUpc } from '$lib/domain/key-hash';
import type { KeyTable } from './keys';
import { partPrefixHits, wordHits } from './search';
import { buildSlice, completeSlice, type CatalogSlice, type Pause } from './slice';

/** Stops the completion of a slice that is no longer the current one. */
class SliceReplaced extends Error {}

/**
 * The worker's in-memory catalog: one slice per distributor, swapped whole when a feed is
 * replaced, so a search during an import sees the old feed until the new one is complete.
 */
export class CatalogIndex implements OfferLookup {
	private slices = new Map<DistributorId, CatalogSlice>();
	aliases: BrandAliases;

	constructor(aliases: BrandAliases = new Map()) {
		this.aliases = aliases;
	}

	importIdOf(distributorId: DistributorId): string | undefined {
		return this.slices.get(distributorId)?.importId;
	}

	offerCount(): number {
		let n = 0;
		for (const slice of this.slices.values()) n += slice.offers.length;
		return n;
	}

	async replace(
		distributorId: DistributorId,
		importId: string,
		offers: readonly Offer[] | OfferColumns,
		pause?: Pause,
		options: { isPartial?: boolean } = {}
	): Promise<void> {
		const columns =
			offers instanceof OfferColumns ? offers : OfferColumns.fromOffers(importId, offers);
		const slice = await buildSlice(importId, columns, pause, !options.isPartial);
		this.slices.set(distributorId, slice);
	}

	/**
	 * A feed's slice built apart (in part, as at start-up), while its import is being written: the
	 * write waits on IndexedDB, not on this thread. `install` puts it in once the feed is stored.
	 */
	prepare(importId: string, columns: OfferColumns, pause?: Pause): Promise<CatalogSlice> {
		return buildSlice(importId, columns, pause, false);
	}

	install(distributorId: DistributorId, slice: CatalogSlice): void {
		this.slices.set(distributorId, slice);
	}

	/**
	 * Completes the slices indexed in part at start-up, one after another. A slice replaced
	 * meanwhile (an import of its distributor) is dropped at the next pause: nobody will search it.
	 */
	async completeDeferred(pause?: Pause): Promise<void> {
		for (const [id, slice] of this.slices) {
			const isCurrent = () => this.slices.get(id) === slice;
			const guarded = async () => {
				await pause?.();
				if (!isCurrent()) throw new SliceReplaced();
			};
			try {
				await completeSlice(slice, guarded);
			} catch (cause) {
				if (!(cause instanceof SliceReplaced)) throw cause;
			}
		}
	}

	remove(distributorId: DistributorId): void {
		this.slices.delete(distributorId);
	}

	/** Nothing is keyed by brand: a product lookup applies the table it finds (see `byProduct`). */
	setAliases(aliases: BrandAliases): void {
		this.aliases = aliases;
	}

	/**
	 * Offers whose key hashes right and whose key really matches (hashes can collide). `keyOf`
	 * reads offer n's key from the columns, so no offer object is made until one matches.
	 */
	private collect(
		table: (slice: CatalogSlice) => KeyTable,
		hash: number,
		isMatch: (offers: OfferColumns, n: number) => boolean,
		only?: DistributorId
	): Offer[] {
		const result: Offer[] = [];
		for (const [id, slice] of this.slices) {
			if (only && id !== only) continue;
			const { offers } = slice;
			for (const n of table(slice).find(hash)) if (isMatch(offers, n)) result.push(offers.at(n));
		}
		return result;
	}

	bySku(normalisedSku: string, distributorId?: DistributorId): Offer[] {
		if (!normalisedSku) return [];
		return this.collect(
			(s) => s.sku,
			hashAlnum(normalisedSku),
			(offers, n) => normaliseMpn(offers.sku(n)) === normalisedSku,
			distributorId
		);
	}
	byMpn(normalisedMpn: string): Offer[] {
		if (!normalisedMpn) return [];
		return this.collect(
			(s) => s.mpn,
			hashAlnum(normalisedMpn),
			(offers, n) => normaliseMpn(offers.mpn(n)) === normalisedMpn
		);
	}
	/**
	 * Offers of one canonical brand and MPN: found by the MPN, then their brands compared through
	 * the alias table as it is now, so an alias the dealer edits applies at once and nothing is
	 * rekeyed (few offers share an MPN across brands). A key without an MPN names no product.
	 */
	byProduct(productKey: string): Offer[] {
		const mpn = productKey.slice(productKey.lastIndexOf('|') + 1);
		if (!mpn) return [];
		const match = (offers: OfferColumns, n: number) =>
			canonicalProductKey({ brand: offers.brand(n), mpn: offers.mpn(n) }, this.aliases) ===
			productKey;
		return this.collect((s) => s.mpn, hashAlnum(mpn), match);
	}
	byUpc(normalisedUpc: string): Offer[] {
		if (!normalisedUpc) return [];
		const match = (offers: OfferColumns, n: number) =>
			normaliseUpc(offers.upc(n)) === normalisedUpc;
		return this.collect((s) => s.upc, hashUpc(normalisedUpc), match);
	}

	/**
	 * Products for what the dealer typed: exact SKU (with or without prefix), MPN and UPC hits
	 * first, then offers whose words start with every typed word, then SKU and MPN prefixes.
	 */
	search(query: string, limit = 25): CatalogProduct[] {
		const text = query.trim();
		if (!text) return [];
		const compact = normaliseMpn(text);
		const products = new Map<string, CatalogProduct>();
		const add = (offer: Offer) => {
			const key = this.keyOf(offer);
			if (products.has(key) || products.size >= limit) return;
			const offers = widen([offer], this);
			products.set(key, {
				key,
				brand: offer.brand || canonicalBrand(offer.brand, this.aliases),
				mpn: offer.mpn,
				upc: offers.find((o) => o.upc)?.upc,
				description: offer.description,
				offers
			});
		};
		const split = splitPrefixedSku(text);
		if (split) this.bySku(normaliseMpn(split.sku), split.distributorId).forEach(add);
		this.bySku(compact).forEach(add);
		this.byMpn(compact).forEach(add);
		if (/^\d{6,14}$/.test(text)) this.byUpc(normaliseUpc(text)).forEach(add);

		const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
		for (const slice of this.slices.values()) {
			if (products.size >= limit) break;
			for (const n of wordHits(slice, words, limit * 4)) add(slice.offers.at(n));
		}
		// Part numbers typed in part: "2103-01", "EBC-FA1".
		if (compact.length >= 3 && /\d/.test(compact)) {
			for (const slice of this.slices.values()) {
				if (products.size >= limit) break;
				for (const n of partPrefixHits(slice, compact, limit * 2)) add(slice.offers.at(n));
			}
		}
		return [...products.values()];
	}

	private keyOf(offer: Offer): string {
		if (normaliseMpn(offer.mpn)) return canonicalProductKey(offer, this.aliases);
		const upc = normaliseUpc(offer.upc);
		return upc ? `UPC|${upc}` : `SKU|${offer.distributorId}|${offer.sku}`;
	}
}
