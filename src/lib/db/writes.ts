import type { FeedImport, Offer } from '$lib/domain/catalog';
import type { DistributorId } from '$lib/domain/distributor';
import { newWarehouses } from '$lib/domain/rules';
import type { AppSettings } from '$lib/domain/settings';
import { DEFAULT_SETTINGS } from '$lib/domain/settings';
import { blockOffers, toColumnar } from './catalog-blocks';
import { OfferColumns } from './offer-columns';
import type { DropshipDb } from './schema';
import { readSetting, writeSetting } from './setting-rows';

export async function readSettings(db: DropshipDb): Promise<AppSettings> {
	return { ...DEFAULT_SETTINGS, ...(await readSetting(db, 'app')) };
}

export async function writeSettings(db: DropshipDb, settings: AppSettings): Promise<void> {
	await writeSetting(db, 'app', settings);
}

/**
 * Replaces one distributor's catalog atomically: the new blocks are written under a new import id
 * and the import is marked complete in the same transaction that marks the old one replaced and
 * deletes its blocks. A failure anywhere leaves the old catalog exactly as it was.
 */
export async function replaceCatalog(
	db: DropshipDb,
	feed: Omit<FeedImport, 'state' | 'blockCount' | 'rowCount'>,
	offers: readonly Offer[] | OfferColumns
): Promise<FeedImport> {
	const columns =
		offers instanceof OfferColumns ? offers : OfferColumns.fromOffers(feed.id, offers);
	const blocks = columns.blocks;
	if (blocks.some((b) => b.importId !== feed.id)) throw new Error('Blocks of another import.');
	const done: FeedImport = {
		...feed,
		state: 'complete',
		rowCount: columns.length,
		blockCount: blocks.length
	};
	await db.transaction('rw', db.catalogBlocks, db.feedImports, db.warehouses, async () => {
		await addNewWarehouses(db, feed.distributorId, columns.warehouseCodes());
		const previous = await db.feedImports
			.where({ distributorId: feed.distributorId, state: 'complete' })
			.toArray();
		// A few blocks per request: the worker stays free to answer searches between them, and the
		// transaction still commits all or nothing.
		for (let i = 0; i < blocks.length; i += BLOCKS_PER_PUT) {
			await db.catalogBlocks.bulkPut(blocks.slice(i, i + BLOCKS_PER_PUT));
		}
		for (const old of previous) {
			// A range of the primary key: one request for the whole feed, not one per block.
			await db.catalogBlocks
				.where('[importId+blockNo]')
				.between([old.id, 0], [old.id, Infinity])
				.delete();
			await db.feedImports.update(old.id, { state: 'replaced' });
		}
		await db.feedImports.put(done);
	});
	return done;
}

/** ~0.7 MB cloned per request: a millisecond or so of the worker's time, 10 requests a feed. */
const BLOCKS_PER_PUT = 20;

/**
 * Writes the warehouses a feed or stock answer names that the rules do not know, as new rows (see
 * `newWarehouses`); the dealer's own rows are never touched. Returns how many were added.
 */
export async function addNewWarehouses(
	db: DropshipDb,
	distributorId: DistributorId,
	codes: Iterable<string>
): Promise<number> {
	const added = newWarehouses(distributorId, codes, await db.warehouses.toArray());
	if (added.length > 0) await db.warehouses.bulkAdd(added);
	return added.length;
}

/**
 * One feed's offers, in feed order (the primary key [importId+blockNo] keeps blocks in order),
 * as columns; blocks stored in an older format are converted in memory.
 */
export async function loadFeedColumns(db: DropshipDb, importId: string): Promise<OfferColumns> {
	const blocks = await db.catalogBlocks
		.where('[importId+blockNo]')
		.between([importId, 0], [importId, Infinity])
		.toArray();
	return new OfferColumns(blocks.map(toColumnar));
}

/** One feed's offers as objects, in feed order, whatever format its blocks were stored in (the
 *  feed history compares a new feed with the last one by these). */
export async function loadFeedOffers(db: DropshipDb, importId: string): Promise<Offer[]> {
	const blocks = await db.catalogBlocks
		.where('[importId+blockNo]')
		.between([importId, 0], [importId, Infinity])
		.toArray();
	return blocks.flatMap(blockOffers);
}
