import { describe, expect, it } from 'vitest';
import { orderIdFor } from './order-id';

describe('orderIdFor', () => {
	it('gives the same id for the same order number on every device', () => {
		expect(orderIdFor('1009')).toBe(orderIdFor('1009'));
		// FNV-1a 64 of "a" is af63dc4c8601ec8c (the published test vector).
		expect(orderIdFor('a')).toBe(`o-${0xaf63dc4c8601ec8cn.toString(36)}`);
	});

	it('gives different ids to different numbers, whatever their characters', () => {
		const numbers = ['1009', '1090', '#1009', 'WC-1009', 'Bestellung Nr. 1009 ü', ''];
		const ids = new Set(numbers.map(orderIdFor));
		expect(ids.size).toBe(numbers.length);
		for (const id of ids) expect(id).toMatch(/^o-[0-9a-z]+$/);
	});
});
