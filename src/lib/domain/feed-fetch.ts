import { z } from 'zod';
import { DistributorId } from './distributor';
import { FeedSource, type FeedSourceKind } from './feed-source';

/**
 * What the schedule keeps about each distributor's feed: the source as stored (the password
 * sealed beside it), and per distributor the last fetches: when, how it went, the hash of the
 * bytes, and the history the dealer reads (Catalog › a distributor › History).
 */
export const StoredFeedSource = FeedSource.extend({
	/** AES-GCM in the worker, like the API keys (worker/secrets/sealing.ts). */
	sealedPassword: z.object({ iv: z.string(), ct: z.string() }).optional()
});
export type StoredFeedSource = z.infer<typeof StoredFeedSource>;
export const StoredFeedSources = z.partialRecord(DistributorId, StoredFeedSource);

/** What changed since the previous feed, by the distributor's SKU. */
export const FeedChanges = z.object({
	added: z.number().int().nonnegative(),
	removed: z.number().int().nonnegative(),
	priceChanged: z.number().int().nonnegative(),
	stockChanged: z.number().int().nonnegative()
});
export type FeedChanges = z.infer<typeof FeedChanges>;

export const FeedFetchEntry = z.object({
	at: z.string(),
	/** `unchanged`: the same bytes as the last import; nothing was rewritten. */
	outcome: z.enum(['imported', 'unchanged', 'failed']),
	source: z.string(),
	rows: z.number().int().nonnegative(),
	skipped: z.number().int().nonnegative(),
	durationMs: z.number().nonnegative(),
	changes: FeedChanges.optional(),
	message: z.string().optional()
});
export type FeedFetchEntry = z.infer<typeof FeedFetchEntry>;

export const FeedFetchState = z.object({
	lastAttemptAt: z.string().optional(),
	lastSuccessAt: z.string().optional(),
	/** SHA-256 of the last imported bytes (hex). */
	hash: z.string().optional(),
	/** The last fetch's failure, in the dealer's words; cleared by the next success. */
	error: z.string().optional(),
	/** PU price-file downloads (ISO times), to keep under its limit of two a day. */
	priceFileCalls: z.array(z.string()).default([]),
	history: z.array(FeedFetchEntry).default([])
});
export type FeedFetchState = z.infer<typeof FeedFetchState>;
export const FeedFetches = z.partialRecord(DistributorId, FeedFetchState);
export type FeedFetches = z.infer<typeof FeedFetches>;

/** Entries kept per distributor: a month of mornings. */
export const HISTORY_KEPT = 31;

/** "Tucker Rocky FTP", "Parts Unlimited price file": how a failure names its source. */
export function sourceName(distributorName: string, kind: FeedSourceKind): string {
	switch (kind) {
		case 'ftp':
			return `${distributorName} FTP`;
		case 'url':
			return `${distributorName} download`;
		case 'wps-api':
			return `${distributorName} API`;
		case 'pu-pricefile':
			return `${distributorName} price file`;
		case 'upload':
			return `${distributorName} upload`;
	}
}

/**
 * The most recent publish moment at or before `now`: today at `publishTime` (local) once that
 * has passed, else yesterday's. A feed fetched before it is due again.
 */
export function lastPublishMoment(publishTime: string, now: Date): Date {
	const [hours, minutes] = publishTime.split(':').map(Number);
	const moment = new Date(now);
	moment.setHours(hours ?? 6, minutes ?? 0, 0, 0);
	if (moment.getTime() > now.getTime()) moment.setDate(moment.getDate() - 1);
	return moment;
}

/** Whether a feed last fetched at `lastFetchedAt` (ISO, or none) is due at `now`. */
export function isFeedDue(
	publishTime: string,
	lastFetchedAt: string | undefined,
	now: Date
): boolean {
	if (lastFetchedAt === undefined) return true;
	return Date.parse(lastFetchedAt) < lastPublishMoment(publishTime, now).getTime();
}

/** PU's price file: at most this many downloads in a (local) day, per the single witness. */
export const PU_PRICE_FILE_DAILY_LIMIT = 2;

/** The calls of the same local day as `now`. */
export function callsToday(calls: readonly string[], now: Date): string[] {
	const day = now.toDateString();
	return calls.filter((at) => new Date(at).toDateString() === day);
}

/** New, gone, repriced and restocked SKUs between two feeds of one distributor. */
export function feedChanges(
	before: readonly { sku: string; costCents: number; stock: Record<string, number> }[],
	after: readonly { sku: string; costCents: number; stock: Record<string, number> }[]
): FeedChanges {
	const old = new Map(before.map((offer) => [offer.sku, offer]));
	const changes: FeedChanges = { added: 0, removed: 0, priceChanged: 0, stockChanged: 0 };
	const seen = new Set<string>();
	for (const offer of after) {
		seen.add(offer.sku);
		const previous = old.get(offer.sku);
		if (!previous) changes.added++;
		else {
			if (previous.costCents !== offer.costCents) changes.priceChanged++;
			if (!sameStock(previous.stock, offer.stock)) changes.stockChanged++;
		}
	}
	for (const sku of old.keys()) if (!seen.has(sku)) changes.removed++;
	return changes;
}

function sameStock(a: Record<string, number>, b: Record<string, number>): boolean {
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	for (const key of keys) if ((a[key] ?? 0) !== (b[key] ?? 0)) return false;
	return true;
}
