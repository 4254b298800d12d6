import { z } from 'zod';
import { DistributorId } from './distributor';

/**
 * One distributor's SKU for a part, as the morning feed described it. Several offers with the same
 * product key (brand + normalised MPN, or UPC) are the same part at different distributors.
 */
export const Offer = z.object({
	distributorId: DistributorId,
	/** The distributor's own part number, without the dealer prefix. */
	sku: z.string().min(1),
	brand: z.string(),
	/** Manufacturer (vendor) part number as printed. */
	mpn: z.string(),
	upc: z.string().optional(),
	description: z.string(),
	costCents: z.number().int().nonnegative(),
	msrpCents: z.number().int().nonnegative().optional(),
	mapCents: z.number().int().nonnegative().optional(),
	dropShipFeeCents: z.number().int().nonnegative().optional(),
	/** Quantity per warehouse code ("CA", "WI", "TX" …) as of the feed. */
	stock: z.record(z.string(), z.number().int().nonnegative()),
	status: z.string().optional()
});
export type Offer = z.infer<typeof Offer>;

/** One product as the Catalog page shows it: its distributors' offers side by side. */
export interface CatalogProduct {
	key: string;
	brand: string;
	mpn: string;
	upc?: string;
	description: string;
	offers: Offer[];
}

/**
 * The catalog is stored as blocks of about a thousand offers per record: one record per row is
 * ~60× slower in IndexedDB (see ../shared/benchmarks.md), and the worker keeps its own index.
 */
export const CatalogBlock = z.object({
	importId: z.string(),
	blockNo: z.number().int().nonnegative(),
	offers: z.array(Offer)
});
export type CatalogBlock = z.infer<typeof CatalogBlock>;

export const FeedImportState = z.enum(['running', 'complete', 'failed', 'cancelled', 'replaced']);

export const FeedImport = z.object({
	id: z.string(),
	distributorId: DistributorId,
	source: z.string(),
	state: FeedImportState,
	startedAt: z.iso.datetime(),
	finishedAt: z.iso.datetime().optional(),
	rowCount: z.number().int().nonnegative(),
	errorCount: z.number().int().nonnegative(),
	blockCount: z.number().int().nonnegative(),
	message: z.string().optional()
});
export type FeedImport = z.infer<typeof FeedImport>;

/** Manufacturer part numbers differ in punctuation and case between distributors: "DS-12/34" = "ds1234". */
export function normaliseMpn(mpn: string): string {
	return mpn.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function normaliseBrand(brand: string): string {
	return brand.trim().toUpperCase().replace(/\s+/g, ' ');
}

/** The key that ties one part across distributors: brand + normalised MPN. */
export function productKey(brand: string, mpn: string): string {
	return `${normaliseBrand(brand)}|${normaliseMpn(mpn)}`;
}

export function totalStock(offer: Pick<Offer, 'stock'>): number {
	return Object.values(offer.stock).reduce((sum, qty) => sum + qty, 0);
}

/** A feed older than this is stale: the distributors publish every morning. */
export const FEED_STALE_MS = 24 * 60 * 60 * 1000;

/** "today 06:10", "yesterday 06:10", "Nov 18 06:10" in the browser's time zone; stale after a day. */
export function feedAge(at: string, now: Date): { label: string; isStale: boolean } {
	const when = new Date(at);
	const time = when.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
	const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
	const days = Math.round((day(now) - day(when)) / 86_400_000);
	const date =
		days === 0
			? 'today'
			: days === 1
				? 'yesterday'
				: when.toLocaleDateString('en-US', { month: 'short', day: 'numeric' });
	return { label: `${date} ${time}`, isStale: now.getTime() - when.getTime() > FEED_STALE_MS };
}
