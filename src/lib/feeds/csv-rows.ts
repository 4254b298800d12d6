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

export function* csvBatches(text: string, delimiter: string, chunk = CHUNK): Generator<CsvBatch> {
	let start = 0;
	let line = 1;
	while (start < text.length) {
		const end = pieceEnd(text, start, chunk);
		const piece = text.slice(start, end);
		const newlines = countChar(piece, '\n', 0, piece.length);
		const newline = pieceNewline(piece, newlines);
		const parsed = Papa.parse<string[]>(piece, {
			delimiter,
			newline,
			header: false,
			skipEmptyLines: false
		});
		const rows = parsed.data;
		// A piece ends with a newline, which papaparse reads as one more empty row.
		if (rows.length > 0 && piece.endsWith('\n')) rows.pop();
		const lines =
			rows.length === newlines + (piece.endsWith('\n') ? 0 : 1)
				? rows.map((_, i) => line + i)
				: linesByCursor(piece, delimiter, newline, line);
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
function linesByCursor(
	piece: string,
	delimiter: string,
	newline: '\n' | '\r\n' | undefined,
	firstLine: number
): number[] {
	const lines: number[] = [];
	let cursor = 0;
	let line = firstLine;
	Papa.parse<string[]>(piece, {
		delimiter,
		newline,
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
