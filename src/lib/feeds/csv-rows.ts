import Papa from 'papaparse';

/*
 * CSV read in ~64 KB pieces, each cut at a newline outside quotes and parsed whole by papaparse,
 * with the line each row starts on. No dynamicTyping, no fastMode (benchmarks.md: both mangle real
 * feeds).
 */

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

/**
 * The newline of a piece when the piece settles it, so papaparse need not guess it: its guess
 * (`guessLineEndings`) strips quoted text and splits the piece into lines twice, a few % of an
 * import when done for every piece. A piece with no CR is LF; one whose every CR starts a CRLF and
 * every LF ends one is CRLF (papaparse guesses the same for both, quoted text or not: a piece ends
 * outside quotes, so it holds a CRLF the guess sees). Anything mixed is left to papaparse, piece by
 * piece as before, so a file whose line endings change halfway is read as it always was.
 */
export function pieceNewline(piece: string, newlines: number): '\n' | '\r\n' | undefined {
	let crlf = 0;
	for (let at = piece.indexOf('\r'); at >= 0; at = piece.indexOf('\r', at + 1)) {
		if (piece.charCodeAt(at + 1) !== 10) return undefined; // a lone CR
		crlf++;
	}
	if (crlf === 0) return '\n';
	return crlf === newlines ? '\r\n' : undefined;
}

export function detectDelimiter(text: string): string {
	const sample = text.slice(0, 64 * 1024);
	const first = sample.split(/\r?\n/, 1)[0] ?? '';
	const counts = [',', ';', '\t', '|'].map((d) => [d, first.split(d).length] as const);
	counts.sort((a, b) => b[1] - a[1]);
	return counts[0]?.[1] && counts[0][1] > 1 ? counts[0][0] : ',';
}

/** A piece of the text read, and what papaparse complained of in it. */
export interface CsvPiece {
	/** Characters of the text consumed so far. */
	end: number;
	/** papaparse's complaints (an unclosed quote), with the line of the row they concern. */
	errors: { line: number; message: string }[];
}

/** Takes one row's cells and the 1-based line it starts on. */
export type OnCsvRow = (cells: string[], line: number) => void;

/**
 * CSV read piece by piece: each non-blank row goes to `onRow` as papaparse reads it, and the
 * generator steps after each ~64 KB piece, so the caller can pause between pieces and the worker
 * keeps answering. Rows are handed over one by one (papaparse's `step`) rather than as an array of
 * the piece's rows: an array keeps a piece's rows alive until the piece is done, which makes V8
 * allocate papaparse's rows straight in the old generation ("pretenuring") and then every minor
 * GC scans them: a quarter of a 200k-row import's parse in Chrome, against a few % for a
 * callback per row (papaparse alone over the pieces is faster this way too).
 */
export function* csvPieces(
	text: string,
	delimiter: string,
	onRow: OnCsvRow,
	chunk = CHUNK
): Generator<CsvPiece> {
	let start = 0;
	let line = 1;
	while (start < text.length) {
		const end = pieceEnd(text, start, chunk);
		const piece = text.slice(start, end);
		const newlines = countChar(piece, '\n', 0, piece.length);
		const errors: CsvPiece['errors'] = [];
		let cursor = 0;
		Papa.parse<string[]>(piece, {
			delimiter,
			newline: pieceNewline(piece, newlines),
			header: false,
			skipEmptyLines: false,
			step: (result) => {
				const cells = result.data;
				for (const e of result.errors) errors.push({ line, message: e.message });
				// The row ends where the next starts; its newlines (quoted ones too) move the line on.
				const next = result.meta.cursor;
				const rowLine = line;
				// Most rows hold one newline, their last character: one search finds it.
				const newline = piece.indexOf('\n', cursor);
				line += newline === next - 1 ? 1 : countChar(piece, '\n', cursor, next);
				cursor = next;
				if (cells.length === 1 && (cells[0] ?? '').trim() === '') return; // a blank line
				onRow(cells, rowLine);
			}
		});
		yield { end, errors };
		start = end;
	}
}

/** CSV in batches of rows (each piece's rows in an array): for readers of a few rows. */
export interface CsvBatch extends CsvPiece {
	rows: string[][];
	/** 1-based line where each row starts. */
	lines: number[];
}

export function* csvBatches(text: string, delimiter: string, chunk = CHUNK): Generator<CsvBatch> {
	let rows: string[][] = [];
	let lines: number[] = [];
	const keep: OnCsvRow = (cells, line) => {
		rows.push(cells);
		lines.push(line);
	};
	for (const piece of csvPieces(text, delimiter, keep, chunk)) {
		yield { rows, lines, ...piece };
		rows = [];
		lines = [];
	}
}
