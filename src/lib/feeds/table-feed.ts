import type { Offer } from '$lib/domain/catalog';
import type { OfferRow } from '$lib/domain/offer-row';
import { Problems, RowReader } from './cells';
import { csvPieces, type OnCsvRow } from './csv-rows';
import type { FeedParse, ParseHooks } from './types';

/**
 * Reads one data row into `out` (cleared before each row); marks the reader's problem (or returns
 * false) when the row is bad.
 */
export type RowMapper = (row: RowReader, out: OfferRow) => boolean;

/**
 * A layout looks at the header and either refuses the file or says how to read its rows: the
 * mapper, and the record it fills (its distributor and warehouses, from the header).
 */
export type HeaderCheck = (
	header: string[]
) => { refused: string } | { map: RowMapper; row: OfferRow };

/**
 * Reads a delimited feed with a header line: the header decides (refuse, or map rows), then the
 * rows are read piece by piece with pauses, bad rows reported and skipped, the rest kept. Each row
 * is mapped as papaparse reads it (see `csvPieces`).
 */
export async function readTable(
	text: string,
	fileName: string,
	delimiter: string,
	check: HeaderCheck,
	hooks: ParseHooks
): Promise<FeedParse> {
	const offers: Offer[] = [];
	const { sink } = hooks;
	const problems = new Problems();
	const reader = new RowReader([]);
	let table: { map: RowMapper; row: OfferRow; width: number } | null = null;
	let refused: string | null = null;
	let rowCount = 0;
	const bad = (line: number, column: string, reason: string) =>
		problems.add({ line, column, reason, file: fileName });
	const onRow: OnCsvRow = (cells, line) => {
		if (refused !== null) return;
		if (!table) {
			const checked = check(cells);
			if ('refused' in checked) refused = checked.refused;
			else table = { ...checked, width: cells.length };
			return;
		}
		rowCount++;
		const { map, row, width } = table;
		// More cells than the header: a comma outside quotes shifted every column after it.
		if (cells.length > width && cells.slice(width).some((c) => c.trim() !== '')) {
			const reason = `the row has ${cells.length} cells but the header has ${width} (a comma outside quotes?)`;
			bad(line, '', reason);
			return;
		}
		row.clear();
		if (map(reader.reset(cells), row) && !reader.problem) {
			if (sink) sink.add(row);
			else offers.push(row.toOffer());
		} else {
			const { problem } = reader;
			bad(line, problem?.column ?? '', problem?.reason ?? 'the row could not be read');
		}
	};
	for (const piece of csvPieces(text, delimiter, onRow)) {
		if (hooks.isCancelled?.()) return { ok: false, cancelled: true };
		if (refused !== null) return { ok: false, refused };
		for (const e of piece.errors) bad(e.line, '', e.message);
		hooks.onProgress?.({ rows: rowCount, fraction: piece.end / text.length });
		await hooks.pause?.();
	}
	if (!table) return { ok: false, refused: `${fileName} has no header line.` };
	if (rowCount === 0) return { ok: false, refused: `${fileName} has a header but no rows.` };
	return problems.parsed(sink ?? offers, rowCount);
}
