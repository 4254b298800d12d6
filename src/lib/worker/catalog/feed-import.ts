import { OfferColumns, OfferColumnsBuilder } from '$lib/db/offer-columns';
import { replaceCatalog } from '$lib/db/writes';
import type { FeedImport } from '$lib/domain/catalog';
import type { DistributorId } from '$lib/domain/distributor';
import { err, ok, type Result } from '$lib/domain/result';
import { parseFeed } from '$lib/feeds/presets';
import type {
	ColumnMapping,
	FeedFile,
	FeedLayoutId,
	FeedParse,
	ParseHooks,
	RowProblem
} from '$lib/feeds/types';
import type { ApiDeps } from '../core/deps';
import { isQuotaError } from '../core/handler';
import { yieldToEventLoop, type CatalogKeeper } from './sync';
import { ImportRuns, type ImportRun } from './feed-runs';
import { BlockStaging } from './block-staging';

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

export interface ImportRequest {
	runId: string;
	layout: FeedLayoutId;
	distributorId: DistributorId;
	mapping?: ColumnMapping;
	source: string;
}

/** A new feed under half the size of the current one is more likely cut short than real. */
const SHRINK_FACTOR = 0.5;

/**
 * One feed import, start to end: parse in batches (progress, cancel), refuse what is not a feed,
 * ask before a much smaller feed replaces the current one, then replace the distributor's catalog
 * in one transaction and hand the offers to the index. The blocks are stored as they are built,
 * under an id no reader looks at until that transaction; the catalog changes only there.
 */
export class FeedImporter {
	readonly runs: ImportRuns;

	constructor(
		private readonly deps: ApiDeps,
		private readonly keeper: CatalogKeeper
	) {
		this.runs = new ImportRuns(deps);
	}

	begin(request: ImportRequest): ImportRun {
		return this.runs.start(request.runId, request.distributorId, request.source);
	}

	/**
	 * Parse hooks that report into `run`: progress, cancel, pauses, and blocks built as rows come,
	 * each stored as it is built (block-staging.ts).
	 */
	hooks(run: ImportRun): ParseHooks {
		const staging = (run.staging ??= new BlockStaging(this.deps, run.importId));
		return {
			sink: new OfferColumnsBuilder((block) => staging.add(block)),
			onProgress: (p) => this.runs.progress(run, p.rows, p.fraction),
			isCancelled: () => run.isCancelled,
			pause: yieldToEventLoop
		};
	}

	async run(
		run: ImportRun,
		request: ImportRequest,
		files: FeedFile[]
	): Promise<Result<ImportOutcome>> {
		return this.keeper.foreground(async () => {
			const parsed = await parseFeed({ ...request, files }, this.hooks(run));
			return this.settle(run, request, parsed);
		});
	}

	/** What follows a parse, whatever the source: refuse, ask, or store. */
	async settle(
		run: ImportRun,
		request: Pick<ImportRequest, 'distributorId' | 'mapping'>,
		parsed: FeedParse
	): Promise<Result<ImportOutcome>> {
		const { runs } = this;
		if (!parsed.ok && 'cancelled' in parsed) return this.cancelled(run);
		if (!parsed.ok) return this.fail(run, parsed.refused);
		if (parsed.offerCount === 0) {
			return this.fail(run, `No row of this feed could be read (${parsed.problemCount} bad rows).`);
		}
		runs.progress(run, parsed.rowCount, 1);
		run.parsed = parsed;
		if (run.isCancelled) return this.cancelled(run);
		if (request.mapping) await runs.saveMapping(request.distributorId, request.mapping);
		const previous = await this.deps.db.feedImports
			.where({ distributorId: request.distributorId, state: 'complete' })
			.first();
		if (previous && parsed.offerCount < previous.rowCount * SHRINK_FACTOR) {
			run.stage = 'needs_confirmation';
			return ok({
				state: 'needs_confirmation',
				rowCount: parsed.offerCount,
				previousCount: previous.rowCount,
				problemCount: parsed.problemCount
			});
		}
		return this.store(run);
	}

	async fail(run: ImportRun, message: string): Promise<Result<never>> {
		await this.runs.finish(run, 'failed');
		return err('validation', message);
	}

	private async cancelled(run: ImportRun): Promise<Result<ImportOutcome>> {
		await this.runs.finish(run, 'cancelled');
		return ok({ state: 'cancelled' });
	}

	store(run: ImportRun): Promise<Result<ImportOutcome>> {
		return this.keeper.foreground(() => this.write(run));
	}

	private async write(run: ImportRun): Promise<Result<ImportOutcome>> {
		const parsed = run.parsed;
		if (!parsed) return err('conflict', 'This import has nothing to save.');
		const id = run.importId;
		run.stage = 'storing';
		let feed: FeedImport;
		try {
			// Encoded once (while parsing, when the parse had the run's sink): the same columns are
			// stored and indexed.
			const columns =
				parsed.sink instanceof OfferColumnsBuilder
					? parsed.sink.finish(id)
					: await OfferColumns.encode(id, parsed.offers, yieldToEventLoop);
			this.keeper.expect(id, columns);
			const staged = parsed.sink instanceof OfferColumnsBuilder ? await run.staging?.settled() : 0;
			feed = await this.deps.writes.run(() =>
				replaceCatalog(
					this.deps.db,
					{
						id,
						distributorId: run.distributorId,
						source: run.source,
						startedAt: run.startedAt,
						finishedAt: this.deps.now().toISOString(),
						errorCount: parsed.problemCount,
						message: parsed.notes.join(' ') || undefined
					},
					columns,
					staged
				)
			);
		} catch (cause) {
			// Whatever failed (the last block's encoding included), the blocks stored ahead go too.
			await this.runs.finish(run, 'failed');
			// A full disk is the handler's to say, in the same words as every other full-disk save.
			if (isQuotaError(cause)) throw cause;
			const message = 'The feed could not be saved. The previous catalog is unchanged; try again.';
			return err('transient', message, { detail: String(cause) });
		} finally {
			// Only a save that went through is indexed: a failed one keeps saying so.
			if (run.stage === 'storing') run.stage = 'indexing';
			await this.keeper.settle(id);
		}
		await this.runs.finish(run, 'complete');
		const { problems, problemCount, notes } = parsed;
		return ok({ state: 'complete', feed, problems, problemCount, notes });
	}
}
