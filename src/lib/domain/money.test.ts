import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random';
import { centsToDecimal, formatCents, parsePriceToCents } from './money';

describe('money', () => {
	it.each([
		['$1,234.50', 123450],
		['89.95', 8995],
		[' 12 ', 1200],
		['0.5', 50],
		['$0.015', 2],
		['-$3.10', -310],
		[19.99, 1999]
	] as const)('reads %j as %i cents', (text, cents) => {
		expect(parsePriceToCents(text)).toBe(cents);
	});

	it.each(['', '   ', 'N/A', 'call', '1.2.3', '$', null, undefined])(
		'reads %j as no price',
		(text) => {
			expect(parsePriceToCents(text)).toBeNull();
		}
	);

	it('reads plain digits (its fast path) exactly as the same text padded (the general path)', () => {
		const random = seededRandom(18);
		const samples = [
			'0',
			'00',
			'.5',
			'5.',
			'007.50',
			'1.005',
			'1.23456',
			'999999999999999',
			'1234567890123456.78'
		];
		for (let i = 0; i < 2000; i++) {
			const whole = String(Math.floor(random() * 10 ** Math.floor(random() * 8)));
			const decimals = String(Math.floor(random() * 100_000)).slice(0, Math.floor(random() * 5));
			samples.push(decimals ? `${whole}.${decimals}` : whole);
		}
		for (const text of samples)
			expect(parsePriceToCents(text)).toBe(parsePriceToCents(` ${text} `));
	});

	it('formats for the dealer and for the APIs', () => {
		expect(formatCents(123450)).toBe('$1,234.50');
		expect(centsToDecimal(8995)).toBe('89.95');
		expect(centsToDecimal(5)).toBe('0.05');
	});
});
