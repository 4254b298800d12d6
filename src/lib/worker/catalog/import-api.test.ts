import { strToU8 } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { OfferColumnsBuilder } from '$lib/db/offer-columns';
import { replaceCatalog } from '$lib/db/writes';
import { syntheticPuBaseCsv } from '$lib/feeds/synthetic';
import { createApi } from '../api';
import { catalogKeeper } from './sync';
import { createTestDeps } from '$test-support/worker/test-deps';
import { puFeedFiles, seededCatalog, wpsOffer } from '$test-support/worker/catalog-kit';

const puFiles = puFeedFiles();

const feedsOf = (deps: ReturnType<typeof createTestDeps>) =>
	deps.db.feedImports.where('state').equals('complete').toArray();

type Api = Awaited<ReturnType<typeof seededCatalog>>['api'];

/** A 200k-row PU price file, imported under `runId` (the call's promise, not awaited). */
const importBigPuFeed = (api: Api, runId: string) =>
	api.catalog.importFeed({
		runId,
		layout: 'pu',
		distributorId: 'pu',
		files: [{ name: 'BasePriceFile.csv', data: strToU8(syntheticPuBaseCsv(200_000)) }]
	});

/** Polls the import's status until it has read `rows` rows, and returns that status. */
async function whenRead(api: Api, runId: string, rows: number) {
	for (;;) {
		const status = await api.catalog.importStatus({ runId });
		if (status.ok && status.value.rows >= rows) return status.value;
		await new Promise((r) => setTimeout(r, 1));
	}
}

describe('catalog.importFeed', () => {
	it('imports a PU file, replaces the old feed, and search finds the part at both distributors', async () => {
		const { deps, api } = await seededCatalog();
		expect((await api.catalog.search({ query: 'EBC' })).ok).toBe(true); // loads the index
		const result = await api.catalog.importFeed({
			runId: 'r1',
			layout: 'pu',
			distributorId: 'pu',
			files: puFiles
		});
		// Under half of the 3,000 seeded rows: the dealer is asked first.
		expect(result).toEqual({
			ok: true,
			value: expect.objectContaining({
				state: 'needs_confirmation',
				rowCount: 4,
				previousCount: 3000
			})
		});
		expect((await feedsOf(deps)).map((f) => f.id).sort()).toEqual(['old-pu', 'wps-1']);
		const confirmed = await api.catalog.confirmImport({ runId: 'r1' });
		expect(confirmed.ok && confirmed.value.state).toBe('complete');
		expect(
			confirmed.ok && confirmed.value.state === 'complete' && confirmed.value.problemCount
		).toBe(4);
		const feeds = await feedsOf(deps);
		expect(feeds.find((f) => f.distributorId === 'pu')).toMatchObject({
			rowCount: 4,
			errorCount: 4,
			source: 'upload'
		});
		expect(await deps.db.catalogBlocks.where('importId').equals('old-pu').count()).toBe(0);

		const found = await api.catalog.search({ query: 'FA213HH' });
		expect(
			found.ok && found.value[0]?.offers.map((o) => `${o.distributorId}:${o.sku}`).sort()
		).toEqual(['pu:2103-0174', 'wps:15-0174']);
		const byPrefix = await api.catalog.search({ query: 'PU2103-0174' });
		expect(byPrefix.ok && byPrefix.value[0]?.offers).toHaveLength(2);
		const words = await api.catalog.search({ query: 'kinetic glo' });
		expect(words.ok && words.value[0]?.offers[0]?.sku).toBe('1010-1234');
	});

	it('refuses a file that is not a feed and changes nothing', async () => {
		const { deps, api } = await seededCatalog();
		for (const bytes of [
			strToU8(''),
			strToU8('Order,Total\r\n1,2\r\n'),
			new Uint8Array([0, 1, 2, 3, 0])
		]) {
			const result = await api.catalog.importFeed({
				runId: 'x',
				layout: 'pu',
				distributorId: 'pu',
				files: [{ name: 'f.csv', data: bytes }]
			});
			expect(result.ok).toBe(false);
			expect(!result.ok && result.error.code).toBe('validation');
		}
		expect((await feedsOf(deps)).map((f) => f.id).sort()).toEqual(['old-pu', 'wps-1']);
	});

	it('a storage failure at row 150,000 leaves the old catalog as it was', async () => {
		const { deps, api } = await seededCatalog();
		const real = deps.db.catalogBlocks.bulkPut.bind(deps.db.catalogBlocks);
		vi.spyOn(deps.db.catalogBlocks, 'bulkPut').mockImplementation(((
			blocks: { blockNo: number }[]
		) => {
			if (blocks.some((b) => b.blockNo >= 150))
				return Promise.reject(new Error('disk error at row 150,000'));
			return real(blocks as never);
		}) as never);
		const result = await importBigPuFeed(api, 'big');
		expect(!result.ok && result.error).toMatchObject({
			code: 'transient',
			message: expect.stringMatching(/previous catalog is unchanged/)
		});
		expect((await feedsOf(deps)).find((f) => f.distributorId === 'pu')?.id).toBe('old-pu');
		expect(await deps.db.catalogBlocks.where('importId').equals('old-pu').count()).toBe(3);
		expect(await deps.db.catalogBlocks.count()).toBe(4);
		const status = await api.catalog.importStatus({ runId: 'big' });
		expect(status.ok && status.value.stage).toBe('failed');
	}, 60_000);

	it('a full disk at the final write says so, and leaves neither the feed nor its stored blocks', async () => {
		const { deps, api } = await seededCatalog();
		const real = deps.db.feedImports.put.bind(deps.db.feedImports);
		vi.spyOn(deps.db.feedImports, 'put').mockImplementation(((row: { state?: string }) =>
			row.state === 'complete'
				? Promise.reject(new DOMException('The disk is full', 'QuotaExceededError'))
				: real(row as never)) as never);
		const result = await importBigPuFeed(api, 'q');
		expect(!result.ok && result.error.code).toBe('storage_full');
		expect((await feedsOf(deps)).find((f) => f.distributorId === 'pu')?.id).toBe('old-pu');
		expect(await deps.db.catalogBlocks.count()).toBe(4);
		const status = await api.catalog.importStatus({ runId: 'q' });
		expect(status.ok && status.value.stage).toBe('failed');
	}, 60_000);

	it('a failure before the final write (the last block) leaves neither the feed nor its stored blocks', async () => {
		const { deps, api } = await seededCatalog();
		vi.spyOn(OfferColumnsBuilder.prototype, 'finish').mockImplementationOnce(() => {
			throw new Error('the last block could not be encoded');
		});
		const result = await importBigPuFeed(api, 'e');
		expect(!result.ok && result.error).toMatchObject({
			code: 'transient',
			message: expect.stringMatching(/previous catalog is unchanged/)
		});
		expect((await feedsOf(deps)).find((f) => f.distributorId === 'pu')?.id).toBe('old-pu');
		// ~199 blocks were stored while the feed was read: none is left, the seeded 3 + 1 are.
		expect(await deps.db.catalogBlocks.count()).toBe(4);
		const status = await api.catalog.importStatus({ runId: 'e' });
		expect(status.ok && status.value.stage).toBe('failed');
	}, 60_000);

	it('cancel at row 150,000 keeps the old catalog; progress reports rows and percent', async () => {
		const { deps, api } = await seededCatalog();
		const running = importBigPuFeed(api, 'c');
		const status = await whenRead(api, 'c', 150_000);
		expect(status.percent).toBeGreaterThan(50);
		await api.catalog.cancelImport({ runId: 'c' });
		expect(await running).toEqual({ ok: true, value: { state: 'cancelled' } });
		expect(status.rows).toBeLessThan(200_000);
		expect((await feedsOf(deps)).find((f) => f.distributorId === 'pu')?.id).toBe('old-pu');
		// The blocks stored while it was read are gone with it: the seeded 3 + 1 are left.
		expect(await deps.db.catalogBlocks.count()).toBe(4);
	}, 60_000);

	it('stores the blocks while the feed is read, and none of them shows before it is complete', async () => {
		const { deps, api } = await seededCatalog();
		expect((await api.catalog.search({ query: 'FA213HH' })).ok).toBe(true); // loads the index
		const running = importBigPuFeed(api, 's');
		const seeded = new Set(['old-pu', 'wps-1']);
		const stagedCount = async () => {
			const all = await deps.db.catalogBlocks.orderBy('importId').uniqueKeys();
			const ids = all.map(String).filter((id) => !seeded.has(id));
			return ids.length === 0 ? 0 : deps.db.catalogBlocks.where('importId').anyOf(ids).count();
		};
		await whenRead(api, 's', 100_000);
		const midway = await stagedCount();
		// Half read: blocks are stored, but the catalog is still the old one.
		expect(midway).toBeGreaterThan(20);
		expect((await feedsOf(deps)).map((f) => f.id).sort()).toEqual(['old-pu', 'wps-1']);
		const stats = await api.catalog.indexStats({});
		expect(stats.ok && stats.value.offers).toBe(3001);

		const result = await running;
		expect(result.ok && result.value.state).toBe('complete');
		const pu = (await feedsOf(deps)).find((f) => f.distributorId === 'pu');
		expect(pu).toMatchObject({ rowCount: 200_000, blockCount: 200 });
		expect(
			await deps.db.catalogBlocks
				.where('importId')
				.equals(pu?.id ?? '')
				.count()
		).toBe(200);
		expect(await deps.db.catalogBlocks.count()).toBe(201);
	}, 60_000);

	it('keeps the index in step with a feed written by someone else (the demo seed, another tab)', async () => {
		const { deps, api } = await seededCatalog();
		await api.catalog.search({ query: 'x' });
		await replaceCatalog(
			deps.db,
			{
				id: 'wps-2',
				distributorId: 'wps',
				source: 'seed',
				startedAt: deps.now().toISOString(),
				errorCount: 0
			},
			[wpsOffer({ sku: '99-9999', description: 'Renthal twinwall bar' })]
		);
		await vi.waitFor(async () => {
			await catalogKeeper(deps.db).settled();
			const found = await api.catalog.search({ query: 'twinwall' });
			expect(found.ok && found.value[0]?.offers[0]?.sku).toBe('99-9999');
		});
	});
});

describe('catalog.importFromUrl', () => {
	it('downloads through the transport and imports; refuses addresses the proxy cannot reach', async () => {
		const base = puFiles[0]?.data ?? new Uint8Array();
		const deps = createTestDeps({
			fetch: async (input) => {
				const url = String(input instanceof Request ? input.url : input);
				if (!url.startsWith('https://dealer.parts-unlimited.com/'))
					throw new TypeError(`Not a distributor address: ${new URL(url).host}`);
				return new Response(base, { status: 200 });
			}
		});
		const api = createApi(deps);
		const result = await api.catalog.importFromUrl({
			runId: 'u',
			layout: 'pu',
			distributorId: 'pu',
			url: 'https://dealer.parts-unlimited.com/api/files/BasePriceFile.csv'
		});
		expect(result.ok && result.value.state === 'complete' && result.value.feed.source).toBe(
			'https://dealer.parts-unlimited.com/api/files/BasePriceFile.csv'
		);
		const refused = await api.catalog.importFromUrl({
			runId: 'v',
			layout: 'pu',
			distributorId: 'pu',
			url: 'https://example.com/feed.csv'
		});
		expect(refused).toMatchObject({ ok: false, error: { code: 'validation', field: 'url' } });
	});
});
