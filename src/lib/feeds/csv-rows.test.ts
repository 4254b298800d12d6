import { describe, expect, it } from 'vitest';
import { csvBatches, csvPieces, pieceNewline } from './csv-rows';

const count = (text: string) => text.split('\n').length - 1;
const rowsOf = (text: string, chunk?: number) =>
	[...csvBatches(text, ',', chunk)].flatMap((batch) => batch.rows);
const linesOf = (text: string, chunk?: number) =>
	[...csvBatches(text, ',', chunk)].flatMap((batch) => batch.lines);

describe('the newline of a piece', () => {
	it('is settled for pure LF and pure CRLF pieces, quoted text or not', () => {
		expect(pieceNewline('a,b\nc,d\n', 2)).toBe('\n');
		expect(pieceNewline('a,b\r\nc,d\r\n', 2)).toBe('\r\n');
		expect(pieceNewline('a,"x\r\ny"\r\nc,d\r\n', 3)).toBe('\r\n');
	});

	it('is left to papaparse when CR and LF are mixed or a CR stands alone', () => {
		const mixed = 'a,b\r\nc,d\ne,f\r\n';
		expect(pieceNewline(mixed, count(mixed))).toBeUndefined();
		expect(pieceNewline('a,b\rc,d\r', 0)).toBeUndefined();
		const loneQuoted = 'a,"x\ry"\nc,d\n';
		expect(pieceNewline(loneQuoted, count(loneQuoted))).toBeUndefined();
	});
});

describe('CSV batches', () => {
	it('reads a file whose line endings change from CRLF to LF piece by piece', () => {
		const crlf = Array.from({ length: 40 }, (_, i) => `r${i},"q ${i}, x"`).join('\r\n');
		const lf = Array.from({ length: 40 }, (_, i) => `s${i},"p\n${i}"`).join('\n');
		const text = `${crlf}\r\n${lf}\n`;
		const rows = rowsOf(text, 64);
		expect(rows).toHaveLength(80);
		expect(rows[39]).toEqual(['r39', 'q 39, x']);
		expect(rows[40]).toEqual(['s0', 'p\n0']);
		expect(rows[79]).toEqual(['s39', 'p\n39']);
		// Rows of the LF half start every other line: each holds a quoted newline.
		expect(linesOf(text, 64).slice(39, 42)).toEqual([40, 41, 43]);
	});

	it('reads CRLF, LF and CR-only files alike, quoted CRLFs kept in their cell', () => {
		const cells = [
			['sku', 'description'],
			['A1', 'two\r\nlines'],
			['B2', 'plain']
		];
		const csv = (newline: string) =>
			cells
				.map((row) => row.map((c) => (c.includes('\n') ? `"${c}"` : c)).join(','))
				.join(newline) + newline;
		for (const newline of ['\r\n', '\n', '\r']) {
			expect(rowsOf(csv(newline), 8)).toEqual(cells);
		}
	});

	it('hands rows over one by one with their lines, and a broken quote with the line of its row', () => {
		const seen: [string[], number][] = [];
		const text = 'sku,price\nA1,"1\n2"\n\nB2,3\nC3,"4\n';
		const pieces = [...csvPieces(text, ',', (cells, line) => seen.push([cells, line]), 12)];
		expect(seen).toEqual([
			[['sku', 'price'], 1],
			[['A1', '1\n2'], 2],
			[['B2', '3'], 5],
			[['C3', '4\n'], 6]
		]);
		expect(pieces.flatMap((p) => p.errors)).toEqual([
			{ line: 6, message: 'Quoted field unterminated' }
		]);
		expect(pieces.at(-1)?.end).toBe(text.length);
	});
});
