import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { describeProblem } from './cells';
import { parseTucker } from './tucker';
import type { FeedFile } from './types';

const fixture = (name: string): FeedFile => ({
	name,
	bytes: new Uint8Array(readFileSync(join(__dirname, 'fixtures', name)))
});

describe('Tucker Rocky fixed-width files', () => {
	it('reads the item master at the fact-sheet positions, stock from the inventory list', async () => {
		const result = await parseTucker(
			[fixture('tucker-invlist.txt'), fixture('tucker-itemmstrnew.txt')],
			{}
		);
		if (!result.ok) throw new Error('refused');
		expect(result.offers[0]).toEqual({
			distributorId: 'tucker',
			sku: 'BA0006',
			brand: 'EBC',
			mpn: 'FA213HH',
			description: 'EBC DOUBLE-H SINTERED PADS',
			costCents: 11997,
			msrpCents: 19995,
			stock: { TX: 3, PA: 0, OR: 1, CO: 0, FL: 0, IL: 9, CA: 1 },
			status: 'A'
		});
		// Prices without a point are whole cents.
		expect(result.offers[1]).toMatchObject({ sku: '160942', costCents: 1750, msrpCents: 2995 });
		expect(result.offers[2]).toMatchObject({ status: 'C', costCents: 104500, mpn: '520VX3-120' });
		expect(result.problems.map(describeProblem)).toEqual([
			"tucker-invlist.txt, line 4: TX stock 'X' is not a digit",
			"tucker-itemmstrnew.txt, line 4: standard price 'CALL' is not a price",
			'tucker-itemmstrnew.txt, line 5: the line is 21 characters, too short for an item'
		]);
		expect(result.rowCount).toBe(5);
	});

	it('notes a missing inventory list, and refuses a lone inventory list or a CSV', async () => {
		const alone = await parseTucker([fixture('tucker-itemmstrnew.txt')], {});
		expect(alone.ok && alone.notes[0]).toMatch(/out of stock/);
		expect(await parseTucker([fixture('tucker-invlist.txt')], {})).toEqual({
			ok: false,
			refused: expect.stringMatching(/Only the inventory list/)
		});
		const csv = { name: 'x.csv', bytes: strToU8('a,b,c\n1,2,3\n') };
		expect(await parseTucker([csv], {})).toEqual({
			ok: false,
			refused: expect.stringMatching(/not a Tucker Rocky item master/)
		});
	});

	it('refuses a negative price as a row problem (found by the fuzz test: a flipped byte)', async () => {
		const master = fixture('tucker-itemmstrnew.txt');
		const text = new TextDecoder().decode(master.bytes);
		const first = text.split('\r\n')[0]!;
		const at = first.indexOf('119.97');
		const broken = text.replace(first, first.slice(0, at - 1) + '-' + first.slice(at));
		const result = await parseTucker([{ ...master, bytes: strToU8(broken) }], {});
		if (!result.ok) throw new Error('refused');
		expect(result.offers.some((o) => o.sku === 'BA0006')).toBe(false);
		expect(result.problems.map(describeProblem)).toContain(
			"tucker-itemmstrnew.txt, line 1: standard price '-119.97' is not a price"
		);
	});
});
