import Papa from 'papaparse';

/**
 * CSV in batches with the line each row starts on. The text is cut at a newline outside quotes
 * every ~64 KB and each piece parsed whole (papaparse's arrays mode: its fastest), so the caller
 * can pause between batches and the worker keeps answering. No dynamicTyping, no fastMode
 * (benchmarks.md: both mangle real feeds).
 */
export interface CsvBatch {
	rows: string[][];
	/** 1-based line where each row starts. */
	lines: number[];
	/** Characters of the text consumed so far. */
	end: number;
	/** papaparse's complaints about the piece (an unclosed quote), with their lines. */
	errors: { line: number; message: string }[];
}

/** ~400 rows of a typical feed: a few ms of parsing between pauses. */
const CHUNK = 64 * 1024;

function countChar(text: string, char: string, from: number, to: number): number {
	let n = 0;
	for (let at = text.indexOf(char, from); at >= 0 && at < to; at = text.indexOf(char, at + 1)) n++;
	return n;
}

/** End of the next piece: after a newline, with an even number of quotes since `start`. */
function pieceEnd(text: string, start: number, chunk: number): number {
	if (start + chunk >= text.length) return text.length;
	let end = start + chunk;
	let quotes = countChar(text, '"', start, end);
	for (;;) {
		const newline = text.indexOf('\n', end);
		if (newline < 0) return text.length;
		quotes += countChar(text, '"', end, newline + 1);
		end = newline + 1;
		if (quotes % 2 === 0) return end;
	}
}

export function detectDelimiter(text: string): string {
	const sample = text.slice(0, 64 * 1024);
	const first = sample.split(/\r?\n/, 1)[0] ?? '';
	const counts = [',', ';', '\t', '|'].map((d) => [d, first.split(d).length] as const);
	counts.sort((a, b) => b[1] - a[1]);
	return counts[0]?.[1] && counts[0][1] > 1 ? counts[0][0] : ',';
}

export function* csvBatches(text: string, delimiter: string, chunk = CHUNK): Generator<CsvBatch> {
	let start = 0;
	let line = 1;
	while (start < text.length) {
		const end = pieceEnd(text, start, chunk);
		const piece = text.slice(start, end);
		const parsed = Papa.parse<string[]>(piece, { delimiter, header: false, skipEmptyLines: false });
		const newlines = countChar(piece, '\n', 0, piece.length);
		const rows = parsed.data;
		// A piece ends with a newline, which papaparse reads as one more empty row.
		if (rows.length > 0 && piece.endsWith('\n')) rows.pop();
		const lines =
			rows.length === newlines + (piece.endsWith('\n') ? 0 : 1)
				? rows.map((_, i) => line + i)
				: linesByCursor(piece, delimiter, line);
		const errors = parsed.errors.map((e) => ({
			line: lines[e.row ?? 0] ?? line,
			message: e.message
		}));
		const kept: string[][] = [];
		const keptLines: number[] = [];
		rows.forEach((row, i) => {
			if (row.length === 1 && (row[0] ?? '').trim() === '') return; // blank line
			kept.push(row);
			keptLines.push(lines[i] ?? line);
		});
		yield { rows: kept, lines: keptLines, end, errors };
		line += newlines;
		start = end;
	}
}

/** Start lines when quoted newlines make rows and lines differ: parse again, row by row. */
function linesByCursor(piece: string, delimiter: string, firstLine: number): number[] {
	const lines: number[] = [];
	let cursor = 0;
	let line = firstLine;
	Papa.parse<string[]>(piece, {
		delimiter,
		header: false,
		skipEmptyLines: false,
		step: (result) => {
			lines.push(line);
			const next = result.meta.cursor;
			line += countChar(piece, '\n', cursor, next + 1);
			cursor = next + 1;
		}
	});
	return lines;
}
