import { describe, expect, it } from 'vitest';
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

	it('formats for the dealer and for the APIs', () => {
		expect(formatCents(123450)).toBe('$1,234.50');
		expect(centsToDecimal(8995)).toBe('89.95');
		expect(centsToDecimal(5)).toBe('0.05');
	});
});
