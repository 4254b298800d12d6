import type { Offer } from '$lib/domain/catalog';
import type { OfferRow } from '$lib/domain/offer-row';
import { Problems, RowReader } from './cells';
import { csvBatches } from './csv-rows';
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
 * rows are read in batches with pauses, bad rows reported and skipped, the rest kept.
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
	let map: RowMapper | null = null;
	let out: OfferRow | null = null;
	let width = 0;
	let rowCount = 0;
	for (const batch of csvBatches(text, delimiter)) {
		if (hooks.isCancelled?.()) return { ok: false, cancelled: true };
		for (const e of batch.errors) {
			problems.add({ line: e.line, column: '', reason: e.message, file: fileName });
		}
		let first = 0;
		if (!map) {
			const header = batch.rows[0];
			if (!header) continue;
			const checked = check(header);
			if ('refused' in checked) return { ok: false, refused: checked.refused };
			map = checked.map;
			out = checked.row;
			width = header.length;
			first = 1;
		}
		for (let i = first; i < batch.rows.length; i++) {
			rowCount++;
			const cells = batch.rows[i] as string[];
			// More cells than the header: a comma outside quotes shifted every column after it.
			if (cells.length > width && cells.slice(width).some((c) => c.trim() !== '')) {
				problems.add({
					line: batch.lines[i] ?? 0,
					column: '',
					reason: `the row has ${cells.length} cells but the header has ${width} (a comma outside quotes?)`,
					file: fileName
				});
				continue;
			}
			const row = out as OfferRow;
			row.clear();
			if (map(reader.reset(cells), row) && !reader.problem) {
				if (sink) sink.add(row);
				else offers.push(row.toOffer());
			} else
				problems.add({
					line: batch.lines[i] ?? 0,
					column: reader.problem?.column ?? '',
					reason: reader.problem?.reason ?? 'the row could not be read',
					file: fileName
				});
		}
		hooks.onProgress?.({ rows: rowCount, fraction: batch.end / text.length });
		await hooks.pause?.();
	}
	if (!map) return { ok: false, refused: `${fileName} has no header line.` };
	if (rowCount === 0) return { ok: false, refused: `${fileName} has a header but no rows.` };
	return problems.parsed(sink ?? offers, rowCount);
}
