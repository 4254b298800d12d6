import { normaliseBrand, normaliseMpn, type Offer } from './catalog';
import { DISTRIBUTORS, DISTRIBUTOR_IDS, type DistributorId } from './distributor';

/**
 * Matching across distributors: one product is brand + normalised manufacturer part number, with
 * the UPC as a second key. Brands are spelled differently by each feed ("Fly" / "Fly Racing"), so
 * the dealer's alias table maps every spelling to one canonical brand first.
 */

/** Normalised alias → canonical brand (both normalised). */
export type BrandAliases = ReadonlyMap<string, string>;

export function canonicalBrand(brand: string, aliases: BrandAliases): string {
	const normal = normaliseBrand(brand);
	return aliases.get(normal) ?? normal;
}

export function canonicalProductKey(
	offer: Pick<Offer, 'brand' | 'mpn'>,
	aliases: BrandAliases
): string {
	return `${canonicalBrand(offer.brand, aliases)}|${normaliseMpn(offer.mpn)}`;
}

/** UPCs are written with and without the leading zeros of EAN-13/GTIN-14: compare without. */
export function normaliseUpc(upc: string | undefined): string {
	return (upc ?? '').replace(/\D/g, '').replace(/^0+/, '');
}

/** "PU2103-0174" → Parts Unlimited's "2103-0174"; null when the text has no dealer prefix. */
export function splitPrefixedSku(
	sku: string
): { distributorId: DistributorId; sku: string } | null {
	const text = sku.trim().toUpperCase();
	for (const id of DISTRIBUTOR_IDS) {
		const prefix = DISTRIBUTORS[id].skuPrefix;
		if (text.startsWith(prefix) && text.length > prefix.length) {
			return { distributorId: id, sku: sku.trim().slice(prefix.length) };
		}
	}
	return null;
}

/** What the catalog index answers; keys are normalised by the caller. */
export interface OfferLookup {
	bySku(normalisedSku: string, distributorId?: DistributorId): readonly Offer[];
	byMpn(normalisedMpn: string): readonly Offer[];
	byProduct(productKey: string): readonly Offer[];
	byUpc(normalisedUpc: string): readonly Offer[];
	aliases: BrandAliases;
}

export interface ItemKeys {
	sku: string;
	brand?: string;
	mpn?: string;
	upc?: string;
}

export type MatchedBy = 'prefixed-sku' | 'sku' | 'mpn' | 'brand-mpn' | 'upc' | 'none';

const offerId = (o: Offer) => `${o.distributorId}|${o.sku}`;

/**
 * Finds an order item's offers: its SKU as a prefixed or bare distributor SKU or as an MPN, then
 * brand + MPN, then UPC; the hits are widened to every offer of the same product at any
 * distributor (same canonical product key or same UPC).
 */
export function findOffersForItem(
	item: ItemKeys,
	lookup: OfferLookup
): { offers: Offer[]; matchedBy: MatchedBy } {
	const brandOk = (o: Offer) =>
		!item.brand ||
		canonicalBrand(o.brand, lookup.aliases) === canonicalBrand(item.brand, lookup.aliases);
	const attempts: [MatchedBy, () => readonly Offer[]][] = [
		[
			'prefixed-sku',
			() => {
				const split = splitPrefixedSku(item.sku);
				return split ? lookup.bySku(normaliseMpn(split.sku), split.distributorId) : [];
			}
		],
		['sku', () => lookup.bySku(normaliseMpn(item.sku))],
		['mpn', () => lookup.byMpn(normaliseMpn(item.sku)).filter(brandOk)],
		[
			'brand-mpn',
			() =>
				item.brand && item.mpn
					? lookup.byProduct(
							`${canonicalBrand(item.brand, lookup.aliases)}|${normaliseMpn(item.mpn)}`
						)
					: item.mpn
						? lookup.byMpn(normaliseMpn(item.mpn))
						: []
		],
		['upc', () => (normaliseUpc(item.upc) ? lookup.byUpc(normaliseUpc(item.upc)) : [])]
	];
	for (const [matchedBy, attempt] of attempts) {
		const hits = attempt();
		if (hits.length > 0) return { offers: widen(hits, lookup), matchedBy };
	}
	return { offers: [], matchedBy: 'none' };
}

/** Every offer of the same products as `hits`, each once, the hits first. */
export function widen(hits: readonly Offer[], lookup: OfferLookup): Offer[] {
	const seen = new Map<string, Offer>();
	const add = (o: Offer) => {
		if (!seen.has(offerId(o))) seen.set(offerId(o), o);
	};
	hits.forEach(add);
	for (const hit of hits) {
		lookup.byProduct(canonicalProductKey(hit, lookup.aliases)).forEach(add);
		const upc = normaliseUpc(hit.upc);
		if (upc) lookup.byUpc(upc).forEach(add);
	}
	return [...seen.values()];
}
