import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OfferRow } from '$lib/domain/offer-row';
import { parseFeed } from '$lib/feeds/presets';
import type { ColumnMapping } from '$lib/feeds/types';
import { BlockBuilder } from './block-builder';
import { encodeBlock } from './catalog-blocks';
import { OfferColumns, OfferColumnsBuilder } from './offer-columns';

const cents = fc.oneof(
	fc.integer({ min: 0, max: 300 }),
	fc.integer({ min: 0, max: 2 ** 31 - 1 }),
	fc.constant(2 ** 40)
);
const text = fc.string({ unit: 'grapheme', maxLength: 8 });
const optional = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });
/** A row's values; the warehouses (codes that read as indexes among them) are the parse's. */
const rowValues = fc.record({
	sku: fc.string({ minLength: 1, maxLength: 8 }),
	brand: fc.constantFrom('', 'Tusk', 'EBC', 'Bel-Ray'),
	mpn: text,
	description: text,
	costCents: cents,
	upc: optional(text),
	msrpCents: optional(cents),
	mapCents: optional(cents),
	dropShipFeeCents: optional(cents),
	status: optional(fc.constantFrom('', 'NLA', 'S')),
	stock: fc.array(cents, { minLength: 6, maxLength: 6 })
});
const warehouseSets = fc.subarray(['WI', '12', 'main', '3', 'CA', '007'], { minLength: 0 });

describe('blocks built from rows', () => {
	it('are the blocks encoding the same rows as offers makes, typed arrays and all', () => {
		fc.assert(
			fc.property(warehouseSets, fc.array(rowValues, { maxLength: 30 }), (codes, rows) => {
				const row = new OfferRow('pu', codes);
				const builder = new BlockBuilder(30);
				const offers = rows.map(({ stock, ...values }) => {
					row.clear();
					Object.assign(row, values);
					row.stock.set(stock.slice(0, codes.length));
					builder.add(row);
					return row.toOffer();
				});
				const built = builder.build('f1', 7);
				const encoded = encodeBlock('f1', 7, offers);
				expect(built).toStrictEqual(encoded);
				expect(Object.keys(built)).toEqual(Object.keys(encoded));
			})
		);
	});

	it('start over after each build and leave the rows in place when asked', () => {
		const row = new OfferRow('wps', ['CA']);
		const builder = new BlockBuilder(4);
		const offers = ['A', 'B', 'C'].map((sku, i) => {
			Object.assign(row, { sku, brand: sku, status: i === 1 ? 'NLA' : undefined });
			row.stock[0] = i;
			builder.add(row);
			return row.toOffer();
		});
		expect(builder.build('f1', 0, false)).toStrictEqual(encodeBlock('f1', 0, offers));
		expect(builder.size).toBe(3);
		expect(builder.build('f1', 0)).toStrictEqual(encodeBlock('f1', 0, offers));
		builder.add(row);
		expect(builder.build('f1', 1)).toStrictEqual(encodeBlock('f1', 1, offers.slice(2)));
	});

	it('store a generic feed as encoding its parsed offers does (stock columns adding up)', async () => {
		const header = 'Item,Cost,Brand,UPC,Qty 1,Qty 2,Qty WI,Status,MSRP';
		const lines = Array.from({ length: 2300 }, (_, i) =>
			[`S${i}`, i % 50 === 0 ? 'call' : `${i}.25`, ['A', 'B', 'C'][i % 3], i % 2 ? '' : `0${i}`]
				.concat([`${i % 7}`, i % 11 === 0 ? '+' : '2', `${i % 3}`, i % 5 ? 'S' : '', `${i}.99`])
				.join(',')
		);
		const bytes = new TextEncoder().encode([header, ...lines].join('\n'));
		const mapping: ColumnMapping = {
			sku: 'Item',
			cost: 'Cost',
			brand: 'Brand',
			upc: 'UPC',
			status: 'Status',
			msrp: 'MSRP',
			stock: [
				{ column: 'Qty 1', warehouse: '1' },
				{ column: 'Qty 2', warehouse: ' 1 ' },
				{ column: 'Qty WI', warehouse: 'wi' }
			]
		};
		const request = {
			layout: 'generic' as const,
			distributorId: 'automatic' as const,
			files: [{ name: 'feed.csv', bytes }],
			mapping
		};
		const sink = new OfferColumnsBuilder();
		const viaSink = await parseFeed(request, { sink });
		const plain = await parseFeed(request, {});
		if (!viaSink.ok || !plain.ok) throw new Error('the feed did not parse');
		expect(plain.offers).toHaveLength(2300 - 46);
		// S0 has no price; S2 is the second offer: 2 + 2 in warehouse 1, 2 in WI.
		expect(plain.offers[1]?.stock).toEqual({ 1: 4, WI: 2 });
		expect(viaSink.problemCount).toBe(46);
		expect(sink.finish('f9').blocks).toStrictEqual(
			OfferColumns.fromOffers('f9', plain.offers).blocks
		);
		expect(viaSink.offers).toStrictEqual(plain.offers);
	});
});
