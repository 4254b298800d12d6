import type { CatalogBlock, FeedImport, Offer } from '$lib/domain/catalog';
import type { AppSettings } from '$lib/domain/settings';
import { DEFAULT_SETTINGS } from '$lib/domain/settings';
import type { DropshipDb } from './schema';

/** Offers per stored record: the block size that keeps a 200k-row feed under a second to store. */
export const BLOCK_SIZE = 1000;

export async function readSettings(db: DropshipDb): Promise<AppSettings> {
	const row = await db.settings.get('app');
	return { ...DEFAULT_SETTINGS, ...(row?.value as Partial<AppSettings> | undefined) };
}

export async function writeSettings(db: DropshipDb, settings: AppSettings): Promise<void> {
	await db.settings.put({ key: 'app', value: settings });
}

/**
 * Replaces one distributor's catalog atomically: the new blocks are written under a new import id
 * and the import is marked complete in the same transaction that marks the old one replaced and
 * deletes its blocks. A failure anywhere leaves the old catalog exactly as it was.
 */
export async function replaceCatalog(
	db: DropshipDb,
	feed: Omit<FeedImport, 'state' | 'blockCount' | 'rowCount'>,
	offers: readonly Offer[]
): Promise<FeedImport> {
	const blocks: CatalogBlock[] = [];
	for (let i = 0; i * BLOCK_SIZE < offers.length; i++) {
		blocks.push({
			importId: feed.id,
			blockNo: i,
			offers: offers.slice(i * BLOCK_SIZE, (i + 1) * BLOCK_SIZE)
		});
	}
	const done: FeedImport = {
		...feed,
		state: 'complete',
		rowCount: offers.length,
		blockCount: blocks.length
	};
	await db.transaction('rw', db.catalogBlocks, db.feedImports, async () => {
		const previous = await db.feedImports
			.where({ distributorId: feed.distributorId, state: 'complete' })
			.toArray();
		// A few blocks per request: the worker stays free to answer searches between them, and the
		// transaction still commits all or nothing.
		for (let i = 0; i < blocks.length; i += BLOCKS_PER_PUT) {
			await db.catalogBlocks.bulkPut(blocks.slice(i, i + BLOCKS_PER_PUT));
		}
		for (const old of previous) {
			await db.catalogBlocks.where('importId').equals(old.id).delete();
			await db.feedImports.update(old.id, { state: 'replaced' });
		}
		await db.feedImports.put(done);
	});
	return done;
}

const BLOCKS_PER_PUT = 5;

/** One feed's offers, in feed order (the primary key [importId+blockNo] keeps blocks in order). */
export async function loadFeedOffers(db: DropshipDb, importId: string): Promise<Offer[]> {
	const blocks = await db.catalogBlocks
		.where('[importId+blockNo]')
		.between([importId, 0], [importId, Infinity])
		.toArray();
	const offers: Offer[] = [];
	for (const block of blocks) for (const offer of block.offers) offers.push(offer);
	return offers;
}
