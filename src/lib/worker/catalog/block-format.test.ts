import { describe, expect, it } from 'vitest';
import { encodeBlock, isColumnar, keyHashes, type ColumnarBlock } from '$lib/db/catalog-blocks';
import { replaceCatalog, stageCatalogBlocks } from '$lib/db/writes';
import { syntheticOffers } from '$lib/feeds/synthetic';
import { createApi } from '../api';
import type { ApiDeps } from '../core/deps';
import { createTestDeps } from '$test-support/worker/test-deps';

/** A complete PU feed of `rowCount` offers in `blockCount` stored blocks (put apart). */
function putPuFeed(deps: ApiDeps, id: string, rowCount: number, blockCount: number) {
	return deps.db.feedImports.put({
		id,
		distributorId: 'pu',
		source: 'seed',
		state: 'complete',
		startedAt: deps.now().toISOString(),
		rowCount,
		errorCount: 0,
		blockCount
	});
}

/** A catalog as the versions before issue 18 stored it: format-1 blocks of offer objects. */
async function storedInFormat1() {
	const deps = createTestDeps();
	const offers = syntheticOffers(2500, 'pu');
	await putPuFeed(deps, 'old-pu', offers.length, 3);
	await deps.db.catalogBlocks.bulkPut(
		[0, 1, 2].map((blockNo) => ({
			importId: 'old-pu',
			blockNo,
			offers: offers.slice(blockNo * 1000, (blockNo + 1) * 1000)
		}))
	);
	return { deps, api: createApi(deps), offers };
}

describe('catalog block formats', () => {
	it('keeps a catalog stored in format 1 searchable, every field intact', async () => {
		const { api, offers } = await storedInFormat1();
		const last = offers[2499];
		if (!last) throw new Error('no offer');
		const found = await api.catalog.search({ query: last.sku });
		if (!found.ok) throw new Error(found.error.message);
		expect(found.value[0]?.offers).toContainEqual(last);
		const stats = await api.catalog.indexStats({});
		expect(stats.ok && stats.value.offers).toBe(2500);
	});

	it('writes the next import of that distributor in the columnar layout and drops format 1', async () => {
		const { deps, api } = await storedInFormat1();
		await replaceCatalog(
			deps.db,
			{
				id: 'new-pu',
				distributorId: 'pu',
				source: 'test',
				startedAt: deps.now().toISOString(),
				errorCount: 0
			},
			syntheticOffers(1500, 'pu', 10_000)
		);
		const blocks = await deps.db.catalogBlocks.toArray();
		expect(blocks.map((b) => [b.importId, isColumnar(b)])).toEqual([
			['new-pu', true],
			['new-pu', true]
		]);
		const stats = await api.catalog.indexStats({});
		expect(stats.ok && stats.value.offers).toBe(1500);
	});

	it('backs the catalog up in format 1 and restores it searchable in another browser', async () => {
		const { deps, api } = await storedInFormat1();
		await replaceCatalog(
			deps.db,
			{
				id: 'new-pu',
				distributorId: 'pu',
				source: 'test',
				startedAt: deps.now().toISOString(),
				errorCount: 0
			},
			syntheticOffers(1200, 'pu', 20_000)
		);
		// An import under way has stored its first block: not part of the catalog, not backed up.
		await stageCatalogBlocks(deps.db, [encodeBlock('reading', 0, syntheticOffers(1000, 'wps'))]);
		const exported = await api.backup.export({ includeCatalog: true });
		if (!exported.ok) throw new Error(exported.error.message);
		const file = JSON.parse(exported.value.text) as {
			tables: { catalogBlocks: { importId: string }[] };
		};
		expect(file.tables.catalogBlocks.every((b) => 'offers' in b && !('format' in b))).toBe(true);
		expect(new Set(file.tables.catalogBlocks.map((b) => b.importId))).not.toContain('reading');
		expect(file.tables.catalogBlocks.length).toBeGreaterThan(0);

		const other = createTestDeps();
		const otherApi = createApi(other);
		const restored = await otherApi.backup.restore({ text: exported.value.text, mode: 'replace' });
		expect(restored.ok).toBe(true);
		const wanted = syntheticOffers(1200, 'pu', 20_000)[1199];
		const found = await otherApi.catalog.search({ query: wanted?.sku ?? '' });
		expect(found.ok && found.value[0]?.offers).toContainEqual(wanted);
	});

	it('stores each block with its key hashes and reads a block stored without them alike', async () => {
		const offers = syntheticOffers(2000, 'pu');
		// A few offers whose keys are empty or absent: no key is indexed for them.
		Object.assign(offers[5] ?? {}, { mpn: '', upc: undefined });
		const stored = (withKeys: boolean) => {
			const deps = createTestDeps();
			const blocks = [0, 1].map((blockNo) => {
				const block: ColumnarBlock = encodeBlock(
					'pu-1',
					blockNo,
					offers.slice(blockNo * 1000, (blockNo + 1) * 1000)
				);
				expect(block.keys).toEqual(keyHashes(block));
				if (!withKeys) delete block.keys; // as format 2 was written before issue 18's end
				return block;
			});
			return { deps, blocks };
		};
		const answers = [];
		for (const withKeys of [true, false]) {
			const { deps, blocks } = stored(withKeys);
			await putPuFeed(deps, 'pu-1', offers.length, 2);
			await deps.db.catalogBlocks.bulkPut(blocks);
			const api = createApi(deps);
			const queries = [offers[1999]?.sku, offers[7]?.mpn, offers[1234]?.upc, offers[5]?.sku];
			const found = [];
			for (const query of queries) {
				const answer = await api.catalog.search({ query: query ?? '' });
				if (!answer.ok) throw new Error(answer.error.message);
				found.push(answer.value.map((p) => p.offers.map((o) => o.sku)));
			}
			answers.push(found);
		}
		expect(answers[0]?.every((skus) => skus.length > 0)).toBe(true);
		expect(answers[1]).toEqual(answers[0]);
	});
});
