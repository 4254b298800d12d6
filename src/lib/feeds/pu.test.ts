import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { describeProblem } from './cells';
import { parsePu } from './pu';
import type { FeedFile } from './types';

const fixture = (name: string): FeedFile => ({
	name,
	bytes: new Uint8Array(readFileSync(join(__dirname, 'fixtures', name)))
});
const base = fixture('pu-BasePriceFile.csv');
const dealer = fixture('pu-12345_PriceFile.csv');

async function parsed(files: FeedFile[]) {
	const result = await parsePu(files, {});
	if (!result.ok) throw new Error('refused' in result ? result.refused : 'cancelled');
	return result;
}

describe('Parts Unlimited price file', () => {
	it('joins the dealer price on Part Number, reads +, N/A and blanks, quoted commas and newlines', async () => {
		const result = await parsed([base, dealer]);
		const bySku = new Map(result.offers.map((o) => [o.sku, o]));
		expect(bySku.get('2103-0174')).toEqual({
			distributorId: 'pu',
			sku: '2103-0174',
			brand: 'EBC',
			mpn: 'FA213HH',
			upc: '0750440001234',
			description: 'BRAKE PADS SINTERED FA213HH',
			costCents: 2964,
			msrpCents: 4995,
			mapCents: 4995,
			stock: { WI: 4, NY: 10, TX: 0, NV: 0, NC: 2 },
			status: 'S'
		});
		expect(bySku.get('1010-1234')?.description).toBe('KINETIC GLOVES, BLACK/WHITE, LG');
		expect(bySku.get('1010-1234')?.costCents).toBe(1663);
		expect(bySku.get('0631-0001')?.description).toBe('OIL FILTER\nHIFLOFILTRO HF204');
		expect(bySku.get('1234-0002')).toMatchObject({ costCents: 111111, msrpCents: 123450 });
		expect(result.rowCount).toBe(8);
	});

	it('reports each bad row with its line (quoted newlines counted), column and reason', async () => {
		const result = await parsed([base, dealer]);
		expect(result.problems.map(describeProblem)).toEqual([
			"pu-BasePriceFile.csv, line 7: dealer cost 'N/A' is not a price",
			"pu-BasePriceFile.csv, line 9: WI availability 'lots' is not a quantity",
			'pu-BasePriceFile.csv, line 10: part number is blank',
			'pu-BasePriceFile.csv, line 11: the row has 25 cells but the header has 24 (a comma outside quotes?)'
		]);
		expect(result.problems[0]?.column).toBe('dealer cost');
		expect(result.offers).toHaveLength(4);
	});

	it('reads the zip PU sends, and the base price alone when no dealer file came', async () => {
		const zip = zipSync({
			'BasePriceFile.csv': base.bytes,
			'12345_PriceFile.csv': dealer.bytes
		});
		const { expandFiles } = await import('./decode');
		const files = expandFiles([{ name: 'pricefile.zip', bytes: zip }]);
		if ('refused' in files) throw new Error(files.refused);
		expect((await parsed(files)).offers.find((o) => o.sku === '2103-0174')?.costCents).toBe(2964);
		const alone = await parsed([base]);
		expect(alone.offers.find((o) => o.sku === '2103-0174')?.costCents).toBe(3120);
		expect(alone.notes[0]).toMatch(/Base Dealer Price/);
	});

	it('reads Windows-1252 with a CA warehouse column from the header', async () => {
		const result = await parsed([fixture('pu-base-windows1252.csv')]);
		expect(result.offers[0]).toMatchObject({
			brand: 'Öhlins',
			description: 'ÖHLINS SHOCK TTX – 44 ½"',
			stock: { WI: 0, NY: 1, TX: 0, NV: 0, NC: 0, CA: 2 }
		});
	});

	it.each([
		['empty', '', /is empty/],
		[
			'wrong columns',
			'Order,Customer,Total\r\n1001,Cody,20.00\r\n',
			/not a Parts Unlimited price file/
		],
		['header only', '"Part Number","Base Dealer Price"\r\n', /no rows/],
		['binary', '\u0000\u0001PNG\u0000', /not a text feed/],
		[
			'dealer file only',
			'Part Number,Punctuated Part Number,Your Dealer Price\r\n1,1,2.00\r\n',
			/Only the dealer price file/
		]
	])('refuses a file that is not a feed: %s', async (_name, text, message) => {
		const result = await parsePu([{ name: 'f.csv', bytes: strToU8(text) }], {});
		expect(result).toEqual({ ok: false, refused: expect.stringMatching(message) });
	});
});
