import { z } from 'zod';
import { replaceCatalog } from '$lib/db/writes';
import type { FeedImport } from '$lib/domain/catalog';
import { DistributorId } from '$lib/domain/distributor';
import { err, ok, type Result } from '$lib/domain/result';
import { parseFeed } from '$lib/feeds/presets';
import type { FeedFile, RowProblem } from '$lib/feeds/types';
import type { ApiDeps } from '../deps';
import { handler, isQuotaError } from '../handler';
import { yieldToEventLoop, type CatalogKeeper } from '../catalog-sync';
import { ImportRuns, type ImportRun } from '../feed-runs';
import { feedPreviewApi, Mapping } from './catalog-preview';

export const FileInput = z.object({
	name: z.string().min(1),
	data: z.union([z.instanceof(Blob), z.instanceof(Uint8Array)])
});

const ImportInput = z.object({
	/** Chosen by the page, so it can ask for progress and cancel before the call returns. */
	runId: z.string().min(1),
	layout: z.enum(['pu', 'tucker', 'wps', 'generic']),
	distributorId: DistributorId,
	files: z.array(FileInput).min(1).max(4),
	mapping: Mapping.optional(),
	/** Where it came from, as the catalog shows it ("upload", a URL). */
	source: z.string().default('upload')
});

export type ImportOutcome =
	| {
			state: 'complete';
			feed: FeedImport;
			problems: RowProblem[];
			problemCount: number;
			notes: string[];
	  }
	| { state: 'needs_confirmation'; rowCount: number; previousCount: number; problemCount: number }
	| { state: 'cancelled' };

export async function readFiles(files: z.output<typeof FileInput>[]): Promise<FeedFile[]> {
	return Promise.all(
		files.map(async (f) => ({
			name: f.name,
			bytes: f.data instanceof Uint8Array ? f.data : new Uint8Array(await f.data.arrayBuffer())
		}))
	);
}

/** A new feed under half the size of the current one is more likely cut short than real. */
const SHRINK_FACTOR = 0.5;

export function catalogImportApi(deps: ApiDeps, keeper: CatalogKeeper) {
	const runs = new ImportRuns(deps);

	async function store(run: ImportRun): Promise<Result<ImportOutcome>> {
		const parsed = run.parsed;
		if (!parsed) return err('conflict', 'This import has nothing to save.');
		const id = deps.newId();
		run.stage = 'storing';
		keeper.expect(id, parsed.offers);
		let feed: FeedImport;
		try {
			feed = await deps.writes.run(() =>
				replaceCatalog(
					deps.db,
					{
						id,
						distributorId: run.distributorId,
						source: run.source,
						startedAt: run.startedAt,
						finishedAt: deps.now().toISOString(),
						errorCount: parsed.problemCount,
						message: parsed.notes.join(' ') || undefined
					},
					parsed.offers
				)
			);
		} catch (cause) {
			if (isQuotaError(cause)) throw cause;
			runs.finish(run, 'failed');
			return err(
				'transient',
				'The feed could not be saved. The previous catalog is unchanged; try again.',
				{
					detail: String(cause)
				}
			);
		} finally {
			run.stage = 'indexing';
			await keeper.settle(id);
		}
		runs.finish(run, 'complete');
		return ok({
			state: 'complete',
			feed,
			problems: parsed.problems,
			problemCount: parsed.problemCount,
			notes: parsed.notes
		});
	}

	return {
		/**
		 * Reads a feed and replaces the distributor's catalog when it is complete. `validation`
		 * when the file is not a feed (nothing changes); `needs_confirmation` when it is under half
		 * the last feed (call `confirmImport`); `transient` when saving failed (old catalog kept).
		 */
		importFeed: handler(ImportInput, async (input) => {
			const run = runs.start(input.runId, input.distributorId, input.source);
			const parsed = await parseFeed(
				{
					layout: input.layout,
					distributorId: input.distributorId,
					files: await readFiles(input.files),
					mapping: input.mapping
				},
				{
					onProgress: (p) => runs.progress(run, p.rows, p.fraction),
					isCancelled: () => run.isCancelled,
					pause: yieldToEventLoop
				}
			);
			if (!parsed.ok && 'cancelled' in parsed) {
				runs.finish(run, 'cancelled');
				return ok({ state: 'cancelled' } satisfies ImportOutcome);
			}
			if (!parsed.ok) {
				runs.finish(run, 'failed');
				return err('validation', parsed.refused);
			}
			if (parsed.offers.length === 0) {
				runs.finish(run, 'failed');
				return err(
					'validation',
					`No row of this feed could be read (${parsed.problemCount} bad rows). Nothing changed.`
				);
			}
			runs.progress(run, parsed.rowCount, 1);
			run.parsed = parsed;
			if (run.isCancelled)
				return (runs.finish(run, 'cancelled'), ok({ state: 'cancelled' } satisfies ImportOutcome));
			if (input.mapping) await runs.saveMapping(input.distributorId, input.mapping);
			const previous = await deps.db.feedImports
				.where({ distributorId: input.distributorId, state: 'complete' })
				.first();
			if (previous && parsed.offers.length < previous.rowCount * SHRINK_FACTOR) {
				run.stage = 'needs_confirmation';
				return ok({
					state: 'needs_confirmation',
					rowCount: parsed.offers.length,
					previousCount: previous.rowCount,
					problemCount: parsed.problemCount
				} satisfies ImportOutcome);
			}
			return store(run);
		}),

		/** Saves an import that waited for the dealer's yes. `not_found` when it is gone. */
		confirmImport: handler(z.object({ runId: z.string() }), async ({ runId }) => {
			const run = runs.get(runId);
			if (!run || run.stage !== 'needs_confirmation')
				return err('not_found', 'This import is no longer waiting; import the file again.');
			return store(run);
		}),

		/** Stops a running import (or drops one waiting for confirmation); the old catalog stays. Never fails. */
		cancelImport: handler(z.object({ runId: z.string() }), async ({ runId }) => {
			const run = runs.get(runId);
			if (run) {
				run.isCancelled = true;
				if (run.stage === 'needs_confirmation') runs.finish(run, 'cancelled');
			}
			return ok();
		}),

		/** Rows read, percent and rows per second of a running import. `not_found` for an unknown run. */
		importStatus: handler(z.object({ runId: z.string() }), async ({ runId }) => {
			const run = runs.get(runId);
			return run ? ok(runs.status(run)) : err('not_found', 'No such import.');
		}),
		...feedPreviewApi(deps)
	};
}
