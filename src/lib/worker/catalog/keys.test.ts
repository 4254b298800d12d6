import { describe, expect, it } from 'vitest';
import { seededRandom } from '$lib/domain/seeded-random';
import { KeyTable } from './keys';

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
