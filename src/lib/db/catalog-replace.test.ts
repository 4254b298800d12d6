import { describe, expect, it, vi } from 'vitest';
import { syntheticOffers } from '$lib/feeds/synthetic';
import { createTestDeps } from '$test-support/worker/test-deps';
import { loadFeedColumns, replaceCatalog, stageCatalogBlocks } from './writes';
import { OfferColumns } from './offer-columns';

const feed = (id: string, distributorId: 'pu' | 'wps') => ({
	id,
	distributorId,
	source: 'test',
	startedAt: '2026-12-06T10:00:00.000Z',
	errorCount: 0
});

/** A feed's final transaction when its first blocks were stored while it was read. */
describe('replaceCatalog after staged blocks', () => {
	it('writes only the blocks not stored yet, and the feed reads back whole', async () => {
		const { db } = createTestDeps();
		await replaceCatalog(db, feed('old-pu', 'pu'), syntheticOffers(2500, 'pu'));
		const offers = syntheticOffers(4500, 'pu', 10_000);
		const columns = OfferColumns.fromOffers('new-pu', offers);
		await stageCatalogBlocks(db, columns.blocks.slice(0, 3));
		const puts = vi.spyOn(db.catalogBlocks, 'bulkPut');

		const done = await replaceCatalog(db, feed('new-pu', 'pu'), columns, 3);

		expect(puts.mock.calls.flatMap(([blocks]) => blocks.map((b) => b.blockNo))).toEqual([3, 4]);
		expect(done).toMatchObject({ state: 'complete', rowCount: 4500, blockCount: 5 });
		expect((await loadFeedColumns(db, 'new-pu')).length).toBe(4500);
		expect(await db.catalogBlocks.where('importId').equals('old-pu').count()).toBe(0);
	});

	it('writes every block when fewer staged ones are there than said (another clean-up took them)', async () => {
		const { db } = createTestDeps();
		const columns = OfferColumns.fromOffers('new-pu', syntheticOffers(4500, 'pu'));
		await stageCatalogBlocks(db, columns.blocks.slice(1, 3)); // block 0 is gone
		const puts = vi.spyOn(db.catalogBlocks, 'bulkPut');

		await replaceCatalog(db, feed('new-pu', 'pu'), columns, 3);

		expect(puts.mock.calls.flatMap(([blocks]) => blocks.map((b) => b.blockNo))).toEqual([
			0, 1, 2, 3, 4
		]);
		expect((await loadFeedColumns(db, 'new-pu')).length).toBe(4500);
	});

	it("removes blocks of no current feed, and keeps every current feed's", async () => {
		const { db } = createTestDeps();
		await replaceCatalog(db, feed('wps-1', 'wps'), syntheticOffers(1500, 'wps'));
		// An import cut off by a closed tab left its first blocks behind.
		const orphan = OfferColumns.fromOffers('cut-off', syntheticOffers(2000, 'pu'));
		await stageCatalogBlocks(db, orphan.blocks);

		await replaceCatalog(db, feed('pu-2', 'pu'), syntheticOffers(1000, 'pu'));

		const ids = await db.catalogBlocks.orderBy('importId').uniqueKeys();
		expect(ids.sort()).toEqual(['pu-2', 'wps-1']);
		expect(await db.catalogBlocks.where('importId').equals('wps-1').count()).toBe(2);
	});
});
