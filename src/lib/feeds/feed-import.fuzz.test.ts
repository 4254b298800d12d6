import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Offer } from '$lib/domain/catalog';
import { parseFeed } from './presets';
import type { FeedLayoutId, FeedParse } from './types';

/**
 * reliability.md §8 case 3 for the feed importers: whatever bytes a dealer drops (a wrong file,
 * a truncated download, a file in another encoding), the parser answers with offers or a refusal
 * in words. It never throws, and every offer it keeps is a whole, valid catalog row.
 */
const LAYOUTS: FeedLayoutId[] = ['pu', 'tucker', 'wps', 'generic'];
const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, 'fixtures', name)));

/** Each layout's own sample file: the fuzz flips its bytes and appends random text to its header. */
const SAMPLES: Record<FeedLayoutId, { name: string; bytes: Uint8Array }> = {
	pu: { name: 'BasePriceFile.csv', bytes: fixture('pu-BasePriceFile.csv') },
	tucker: { name: 'itemmstrnew.txt', bytes: fixture('tucker-itemmstrnew.txt') },
	wps: {
		name: 'wps.csv',
		bytes: new TextEncoder().encode(
			'sku,name,brand,supplier_product_id,upc,standard_dealer_price,list_price,mapp_price,status,ca_warehouse,ga_warehouse,id_warehouse,in_warehouse,pa_warehouse,pa2_warehouse,tx_warehouse\r\n' +
				'26-1234,Kinetic gloves,Fly Racing,350-0111,191361001111,17.10,29.95,29.95,STK,3,0,0,1,0,0,25\r\n' +
				'15-0174,EBC pads,EBC,FA213HH,750440001234,28.10,49.95,,STK,0,2,0,0,0,0,0\r\n'
		)
	},
	generic: { name: 'automatic.csv', bytes: fixture('automatic-generic.csv') }
};

const GENERIC_MAPPING = {
	sku: 'Item #',
	cost: 'Your Cost',
	mpn: 'Mfg Part',
	brand: 'Manufacturer',
	stock: [{ column: 'Qty East', warehouse: 'EAST' }]
};

/** Random bytes, random text after the layout's own first line, and its sample with bytes flipped. */
const input = (layout: FeedLayoutId) => {
	const sample = SAMPLES[layout].bytes;
	const firstLine = new TextDecoder().decode(sample).split('\n')[0] + '\n';
	return fc.oneof(
		fc.uint8Array({ maxLength: 600 }),
		fc
			.string({ unit: 'grapheme', maxLength: 400 })
			.map((s) => new TextEncoder().encode(firstLine + s)),
		fc
			.array(fc.tuple(fc.nat(sample.length - 1), fc.integer({ min: 0, max: 255 })), {
				maxLength: 20
			})
			.map((flips) => {
				const bytes = sample.slice();
				for (const [at, value] of flips) bytes[at] = value;
				return bytes;
			})
	);
};

function isWellFormed(result: FeedParse): boolean {
	if (!result.ok) return 'refused' in result && result.refused.length > 0;
	return (
		result.offers.every((offer) => Offer.safeParse(offer).success) &&
		result.problems.every((p) => p.line >= 1 && p.reason.length > 0)
	);
}

const request = (layout: FeedLayoutId, bytes: Uint8Array) => ({
	layout,
	distributorId: layout === 'generic' ? ('automatic' as const) : layout,
	files: [{ name: SAMPLES[layout].name, bytes }],
	...(layout === 'generic' ? { mapping: GENERIC_MAPPING } : {})
});

describe('feed importers under fuzz', () => {
	it.each(LAYOUTS)(
		'the %s sample parses to offers (so flipped bytes reach the row code)',
		async (layout) => {
			const result = await parseFeed(request(layout, SAMPLES[layout].bytes), {});
			expect(result.ok && result.offers.length).toBeGreaterThan(0);
		}
	);

	it.each(LAYOUTS)(
		'the %s layout answers every input with valid offers or a refusal (2,500 runs)',
		async (layout) => {
			await fc.assert(
				fc.asyncProperty(input(layout), async (bytes) => {
					const result = await parseFeed(request(layout, bytes), {});
					expect(isWellFormed(result)).toBe(true);
				}),
				{ numRuns: 2_500 }
			);
		},
		60_000
	);
});
