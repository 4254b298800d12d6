import { z } from 'zod';
import { DistributorId } from '$lib/domain/distributor';
import { ok, err } from '$lib/domain/result';
import { detectDelimiter, csvBatches } from '$lib/feeds/csv-rows';
import { decodeText, expandFiles } from '$lib/feeds/decode';
import { suggestMapping } from '$lib/feeds/generic';
import type { ColumnMapping } from '$lib/feeds/types';
import type { ApiDeps } from '../core/deps';
import { handler } from '../core/handler';

export const Mapping = z.object({
	sku: z.string(),
	cost: z.string(),
	mpn: z.string().optional(),
	brand: z.string().optional(),
	upc: z.string().optional(),
	description: z.string().optional(),
	msrp: z.string().optional(),
	map: z.string().optional(),
	fee: z.string().optional(),
	status: z.string().optional(),
	stock: z.array(z.object({ column: z.string(), warehouse: z.string() }))
}) satisfies z.ZodType<ColumnMapping>;

const PREVIEW_ROWS = 5;

export function feedPreviewApi(deps: ApiDeps) {
	return {
		/**
		 * The header and first rows of a CSV for the mapping screen, with the mapping remembered
		 * for this distributor (or a guess). `validation` when the file is not readable text.
		 */
		previewCsv: handler(
			z.object({
				distributorId: DistributorId,
				file: z.object({
					name: z.string(),
					data: z.union([z.instanceof(Blob), z.instanceof(Uint8Array)])
				})
			}),
			async ({ distributorId, file }) => {
				const head =
					file.data instanceof Uint8Array
						? file.data
						: new Uint8Array(await file.data.slice(0, 256 * 1024).arrayBuffer());
				const files = expandFiles([{ name: file.name, bytes: head }]);
				if ('refused' in files) return err('validation', files.refused);
				const first = files[0];
				const decoded = first ? decodeText(first) : null;
				if (!decoded?.ok) return err('validation', decoded?.refused ?? 'The file is empty.');
				// Cut at the last whole line: the preview read only the start of the file.
				const text = decoded.text.slice(0, decoded.text.lastIndexOf('\n') + 1) || decoded.text;
				const rows: string[][] = [];
				for (const batch of csvBatches(text, detectDelimiter(text))) {
					rows.push(...batch.rows);
					if (rows.length > PREVIEW_ROWS) break;
				}
				const header = rows[0] ?? [];
				const saved = (await deps.db.settings.get(`feedMapping:${distributorId}`))?.value;
				const remembered = Mapping.safeParse(saved);
				const usable =
					remembered.success &&
					[remembered.data.sku, remembered.data.cost].every((c) => header.includes(c));
				return ok({
					header,
					rows: rows.slice(1, PREVIEW_ROWS + 1),
					encoding: decoded.encoding,
					mapping: usable && remembered.success ? remembered.data : suggestMapping(header),
					isRemembered: usable
				});
			}
		)
	};
}
