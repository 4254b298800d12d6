import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { describeProblem } from './cells';
import { parseGeneric, suggestMapping } from './generic';
import { parseFeed, WPS_MAPPING } from './presets';
import type { FeedFile } from './types';

const file: FeedFile = {
	name: 'automatic.csv',
	bytes: new Uint8Array(readFileSync(join(__dirname, 'fixtures', 'automatic-generic.csv')))
};
const header = [
	'Item #',
	'Mfg Part',
	'Manufacturer',
	'Description',
	'Your Cost',
	'Retail',
	'Qty East',
	'Qty West',
	'UPC'
];

describe('generic CSV with a mapping', () => {
	it('suggests a mapping from the header names', () => {
		expect(suggestMapping(header)).toMatchObject({
			sku: 'Item #',
			cost: 'Your Cost',
			mpn: 'Mfg Part',
			brand: 'Manufacturer',
			description: 'Description',
			msrp: 'Retail',
			upc: 'UPC',
			stock: [
				{ column: 'Qty East', warehouse: 'EAST' },
				{ column: 'Qty West', warehouse: 'WEST' }
			]
		});
	});

	it.each([
		['MFG Part #', 'Item #'],
		['Mfr. Part No.', 'Part #'],
		['Manufacturer Part Num', 'SKU'],
		['MFG_PART_NUMBER', 'ITEM_NUM'],
		['Vendor Part #', 'Part Number']
	])('guesses %s as the manufacturer part number (beside %s)', (mpn, sku) => {
		expect(suggestMapping([sku, mpn, 'Brand', 'Cost'])).toMatchObject({ sku, mpn, brand: 'Brand' });
	});

	it('reads a semicolon CSV by the mapping; bad rows reported, good rows kept', async () => {
		const result = await parseGeneric([file], 'automatic', suggestMapping(header), {});
		if (!result.ok) throw new Error('refused');
		expect(result.offers.map((o) => [o.sku, o.brand, o.costCents, o.stock])).toEqual([
			['A1000001', 'EBC', 2810, { EAST: 3, WEST: 0 }],
			['A1000002', 'Fly', 1690, { EAST: 0, WEST: 0 }],
			['A1000005', 'Acme', 200, { EAST: 0, WEST: 4 }]
		]);
		expect(result.offers[1]?.description).toBe('Kinetic gloves "Mesh" LG');
		expect(result.problems.map(describeProblem)).toEqual([
			"automatic.csv, line 4: dealer cost 'call' is not a price",
			'automatic.csv, line 6: SKU is blank'
		]);
	});

	it('refuses a file without the mapped columns, and nothing is read', async () => {
		const other = { name: 'orders.csv', bytes: strToU8('Order,Total\n1,2\n') };
		expect(await parseGeneric([other], 'automatic', suggestMapping(header), {})).toEqual({
			ok: false,
			refused: expect.stringMatching(/has no column “Item #”/)
		});
	});

	it('reads WPS item fields with *_warehouse quantities', async () => {
		const csv =
			'sku,name,brand,supplier_product_id,upc,standard_dealer_price,list_price,mapp_price,status,ca_warehouse,ga_warehouse,id_warehouse,in_warehouse,pa_warehouse,pa2_warehouse,tx_warehouse\r\n26-1234,Kinetic gloves,Fly Racing,350-0111,191361001111,17.10,29.95,29.95,STK,3,0,0,1,0,0,25\r\n';
		const result = await parseFeed(
			{ layout: 'wps', distributorId: 'wps', files: [{ name: 'wps.csv', bytes: strToU8(csv) }] },
			{}
		);
		expect(result.ok && result.offers[0]).toMatchObject({
			distributorId: 'wps',
			sku: '26-1234',
			mpn: '350-0111',
			costCents: 1710,
			mapCents: 2995,
			stock: { CA: 3, GA: 0, ID: 0, IN: 1, PA: 0, PA2: 0, TX: 25 }
		});
		expect(WPS_MAPPING.stock).toHaveLength(7);
	});
});
