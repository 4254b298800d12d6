import { describe, expect, it } from 'vitest';
import { seededRandom } from '$lib/domain/seeded-random';
import { hashAlnum, hashAlnumRange, hashAlnumRangeTwice, hashUpc, KeyTable } from './keys';

describe('key hashes read in place', () => {
	it('hash a range of a joined text as the sliced string, non-ASCII included', () => {
		const text = 'xxDS-12/34yyÉbc-9zz0070123';
		expect(hashAlnumRange(text, 2, 10)).toBe(hashAlnum('DS-12/34'));
		expect(hashAlnumRange(text, 2, 10)).toBe(hashAlnum('ds1234'));
		expect(hashAlnumRange(text, 12, 17, 7)).toBe(hashAlnum('Ébc-9', 7));
		expect(hashUpc(text, 19, 26)).toBe(hashUpc('0070123'));
		expect(hashUpc(text, 19, 26)).toBe(hashUpc('70123'));
	});

	it('hash a range with two seeds at once as two readings would', () => {
		const text = 'xxDS-12/34yyÉbc-9zz';
		const out = new Int32Array(2);
		for (const [from, to] of [
			[2, 10],
			[12, 17],
			[0, 0]
		] as const) {
			hashAlnumRangeTwice(text, from, to, 12345, out);
			expect([...out]).toEqual([
				hashAlnumRange(text, from, to, 12345),
				hashAlnumRange(text, from, to)
			]);
		}
	});
});

describe('the key table', () => {
	it('finds every offer of a hash, in feed order, as a map of lists would', () => {
		const random = seededRandom(18);
		// Few distinct hashes (many offers share one), negative and positive, past the capacity given.
		const hashes = Array.from({ length: 5000 }, () => (Math.floor(random() * 700) - 350) * 99991);
		const table = new KeyTable(1000);
		const model = new Map<number, number[]>();
		hashes.forEach((hash, offer) => {
			table.add(hash, offer);
			model.set(hash, [...(model.get(hash) ?? []), offer]);
		});
		table.seal();
		for (const [hash, offers] of model) expect(table.find(hash)).toEqual(offers);
		expect(table.find(123_456_789)).toEqual([]);
		expect(table.find(2 ** 31 - 1)).toEqual([]);
	});

	it('answers before it is sealed and after more offers come', () => {
		const table = new KeyTable(4);
		table.add(-1, 0);
		table.add(7, 1);
		expect(table.find(-1)).toEqual([0]);
		table.add(-1, 2);
		expect(table.find(-1)).toEqual([0, 2]);
		expect(table.find(7)).toEqual([1]);
	});
});
