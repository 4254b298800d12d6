import { describe, expect, it } from 'vitest';
import { OfferColumns, OfferColumnsBuilder } from '$lib/db/offer-columns';
import { parseFeed } from '$lib/feeds/presets';
import { syntheticPuBaseCsv } from '$lib/feeds/synthetic';
import { seededCatalog } from '$test-support/worker/catalog-kit';

/** A PU base file of 2,500 parts, every 97th with an unreadable dealer price. */
const file = () => ({
	name: 'BasePriceFile.csv',
	data: new TextEncoder().encode(syntheticPuBaseCsv(2500, { badEvery: 97 }))
});

/** The same file parsed the way every import parsed it before blocks were built while reading. */
async function parsedAsArray() {
	const parsed = await parseFeed(
		{
			layout: 'pu',
			distributorId: 'pu',
			files: [{ name: 'BasePriceFile.csv', bytes: file().data }]
		},
		{}
	);
	if (!parsed.ok) throw new Error('the file did not parse');
	return parsed;
}

describe('an import while the dealer searches', () => {
	it('stores exactly the blocks that encoding the parsed offers gives', async () => {
		const { deps, api } = await seededCatalog();
		const result = await api.catalog.importFeed({
			runId: 'r1',
			layout: 'pu',
			distributorId: 'pu',
			files: [file()]
		});
		if (!result.ok || result.value.state !== 'complete') throw new Error(JSON.stringify(result));
		const { id } = result.value.feed;
		const stored = await deps.db.catalogBlocks
			.where('[importId+blockNo]')
			.between([id, 0], [id, Infinity])
			.toArray();
		const offers = (await parsedAsArray()).offers;
		expect(stored).toHaveLength(3);
		const expected = OfferColumns.fromOffers(id, offers).blocks;
		// As IndexedDB holds them: the same fields in the same order, the same typed arrays.
		expect(stored).toStrictEqual(expected);
		expect(stored.map((block) => Object.keys(block))).toEqual(expected.map((b) => Object.keys(b)));
	});

	it('gives a parse with a sink the same offers and counts as one without', async () => {
		const sink = new OfferColumnsBuilder();
		const withSink = await parseFeed(
			{ layout: 'pu', distributorId: 'pu', files: [{ name: 'a.csv', bytes: file().data }] },
			{ sink }
		);
		const plain = await parsedAsArray();
		if (!withSink.ok) throw new Error('the file did not parse');
		expect(withSink.offerCount).toBe(plain.offers.length);
		expect(withSink.problemCount).toBe(plain.problemCount);
		expect(withSink.offers).toEqual(plain.offers);
	});

	it('answers searches during the import from the catalog as it stood, then from the new one', async () => {
		const { api } = await seededCatalog();
		const queries = ['0000-05', 'brake pads', '000005'];
		const ask = async () =>
			Promise.all(
				queries.map(async (query) => JSON.stringify(await api.catalog.search({ query })))
			);
		const before = await ask();
		let isDone = false;
		const importing = api.catalog
			.importFeed({ runId: 'r2', layout: 'pu', distributorId: 'pu', files: [file()] })
			.finally(() => (isDone = true));
		const during: string[][] = [];
		while (!isDone) {
			// Each round is a task of its own, as the page's messages are: the import's pauses let it in.
			await new Promise((resolve) => setTimeout(resolve, 0));
			during.push(await ask());
		}
		const result = await importing;
		expect(result.ok && result.value.state).toBe('complete');
		const after = await ask();
		expect(after).not.toEqual(before);
		// Searches ran while the feed was read, and each saw one whole catalog: the old one until
		// the new one was swapped in, never a mix and never the old one again.
		expect(during.length).toBeGreaterThan(2);
		const swapped = during.findIndex(
			(answers) => JSON.stringify(answers) !== JSON.stringify(before)
		);
		const old = swapped < 0 ? during : during.slice(0, swapped);
		expect(old.length).toBeGreaterThan(1);
		for (const answers of old) expect(answers).toEqual(before);
		for (const answers of swapped < 0 ? [] : during.slice(swapped)) {
			expect(answers[0]).toEqual(after[0]); // the exact SKU: the new feed's answer
		}
	});
});
