import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Offer } from '$lib/domain/catalog';
import { syntheticOffers } from '$lib/feeds/synthetic';
import { blockOffers, encodeBlock, isColumnar, toColumnar } from './catalog-blocks';
import { OfferColumns } from './offer-columns';

const cents = fc.oneof(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constant(2 ** 40));
const text = fc.string({ unit: 'grapheme', maxLength: 12 });
/** Offers with every optional field present or absent, any text (empty too), wide cents. */
const anyOffer: fc.Arbitrary<Offer> = fc.record(
	{
		distributorId: fc.constantFrom('wps', 'pu', 'tucker', 'automatic'),
		sku: fc.string({ minLength: 1, maxLength: 12 }),
		brand: text,
		mpn: text,
		upc: text,
		description: text,
		costCents: cents,
		msrpCents: cents,
		mapCents: cents,
		dropShipFeeCents: cents,
		stock: fc.dictionary(fc.constantFrom('CA', 'WI', 'TX', 'PA', 'main'), cents, {
			noNullPrototype: true
		}),
		status: fc.constantFrom('', 'NLA', 'Closeout')
	},
	{ requiredKeys: ['distributorId', 'sku', 'brand', 'mpn', 'description', 'costCents', 'stock'] }
);

describe('catalog blocks in the columnar layout', () => {
	it('round-trips every field of every offer, absent fields staying absent', () => {
		fc.assert(
			fc.property(fc.array(anyOffer, { maxLength: 40 }), (offers) => {
				const block = encodeBlock('f1', 3, offers);
				expect(isColumnar(block)).toBe(true);
				expect(blockOffers(block)).toStrictEqual(offers.map((o) => ({ ...o })));
			})
		);
	});

	it('survives the structured clone IndexedDB stores it with', () => {
		const offers = syntheticOffers(250, 'pu');
		const stored = structuredClone(encodeBlock('f1', 0, offers));
		expect(blockOffers(stored)).toStrictEqual(offers);
	});

	it('holds each field once per block, not once per offer', () => {
		const block = encodeBlock('f1', 0, syntheticOffers(1000, 'tucker'));
		expect(typeof block.sku.text).toBe('string');
		expect(ArrayBuffer.isView(block.costCents)).toBe(true);
		// Stock counts and the four lengths of a part fit a byte or two each.
		expect(block.stock.BYTES_PER_ELEMENT).toBeLessThanOrEqual(2);
		expect(block.sku.lengths).toBeInstanceOf(Uint8Array);
		expect(block.brand.values.length).toBeLessThan(100);
		expect(block.distributorId.values).toEqual(['tucker']);
	});

	it('reads a format-1 block (offers as objects) as the same offers', () => {
		const offers = syntheticOffers(30, 'wps');
		const legacy = { importId: 'old', blockNo: 0, offers };
		expect(isColumnar(legacy)).toBe(false);
		expect(blockOffers(toColumnar(legacy))).toStrictEqual(offers);
	});

	it('finds offer n across blocks of any size, and each field without making the offer', () => {
		const offers = syntheticOffers(2500, 'pu');
		const uniform = OfferColumns.fromOffers('f1', offers);
		const ragged = new OfferColumns([
			encodeBlock('f1', 0, offers.slice(0, 7)),
			encodeBlock('f1', 1, offers.slice(7, 1900)),
			encodeBlock('f1', 2, offers.slice(1900))
		]);
		for (const columns of [uniform, ragged]) {
			expect(columns.length).toBe(2500);
			for (const n of [0, 6, 7, 999, 1000, 1899, 1900, 2499]) {
				const offer = offers[n] as Offer;
				expect(columns.at(n)).toStrictEqual(offer);
				expect([columns.sku(n), columns.mpn(n), columns.brand(n)]).toEqual([
					offer.sku,
					offer.mpn,
					offer.brand
				]);
				expect([columns.upc(n), columns.description(n)]).toEqual([offer.upc, offer.description]);
			}
			expect(() => columns.at(2500)).toThrow(RangeError);
		}
	});

	it('encodes a feed in pauses to the same blocks as at once', async () => {
		const offers = syntheticOffers(9500, 'wps');
		let pauses = 0;
		const paced = await OfferColumns.encode('f1', offers, async () => void pauses++);
		expect(pauses).toBe(2);
		expect(paced.blocks).toStrictEqual(OfferColumns.fromOffers('f1', offers).blocks);
		expect(paced.blocks.map((b) => b.count)).toEqual([...Array(9).fill(1000), 500]);
	});
});
