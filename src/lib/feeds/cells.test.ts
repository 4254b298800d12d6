import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowReader } from './cells';

describe('a row reader', () => {
	it('reads a cell as `trim` would, whatever whitespace surrounds it', () => {
		const space = fc.constantFrom(' ', '\t', '\u00a0', '\ufeff', '\u2007', '\u3000', '\r', '');
		const cell = fc
			.tuple(space, fc.string({ maxLength: 6 }), space)
			.map(([before, text, after]) => before + text + after);
		fc.assert(
			fc.property(fc.array(cell, { minLength: 1, maxLength: 4 }), (cells) => {
				const reader = new RowReader(cells);
				cells.forEach((c, i) => expect(reader.text(i)).toBe(c.trim()));
				expect(reader.text(-1)).toBe('');
				expect(reader.text(cells.length)).toBe('');
			})
		);
	});

	it('keeps a cell that needs no trimming as it is', () => {
		expect(new RowReader(['A-1', '\u00a0NBSP\u00a0', 'é']).text(1)).toBe('NBSP');
		expect(new RowReader(['é ']).text(0)).toBe('é');
	});
});
