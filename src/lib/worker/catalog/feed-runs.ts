import type { DistributorId } from '$lib/domain/distributor';
import type { ColumnMapping, FeedParse } from '$lib/feeds/types';
import type { ApiDeps } from '../core/deps';
import type { BlockStaging } from './block-staging';

export type RunStage =
	'reading' | 'storing' | 'indexing' | 'needs_confirmation' | 'complete' | 'cancelled' | 'failed';

export interface ImportRun {
	id: string;
	distributorId: DistributorId;
	source: string;
	startedAt: string;
	startedMs: number;
	stage: RunStage;
	rows: number;
	fraction: number;
	isCancelled: boolean;
	parsed?: Extract<FeedParse, { ok: true }>;
	/** The id its catalog is stored under, chosen at the start: its blocks are written as read. */
	importId: string;
	staging?: BlockStaging;
}

export interface RunStatus {
	stage: RunStage;
	rows: number;
	percent: number;
	rowsPerSecond: number;
}

/** How long a finished run stays answerable (the page polls once more after the call returns). */
const KEEP_FINISHED_MS = 60_000;

/** The imports this worker is running or has just finished, by the id the page chose. */
export class ImportRuns {
	private runs = new Map<string, ImportRun>();

	constructor(private readonly deps: Pick<ApiDeps, 'now' | 'db' | 'writes' | 'newId'>) {}

	start(id: string, distributorId: DistributorId, source: string): ImportRun {
		const now = this.deps.now();
		const run: ImportRun = {
			id,
			distributorId,
			source,
			startedAt: now.toISOString(),
			startedMs: performance.now(),
			stage: 'reading',
			rows: 0,
			fraction: 0,
			isCancelled: false,
			importId: this.deps.newId()
		};
		this.runs.set(id, run);
		return run;
	}

	get(id: string): ImportRun | undefined {
		return this.runs.get(id);
	}

	progress(run: ImportRun, rows: number, fraction: number): void {
		run.rows = rows;
		run.fraction = fraction;
	}

	/** Ends the run; the blocks stored ahead of a run that did not complete are removed. */
	async finish(run: ImportRun, stage: 'complete' | 'cancelled' | 'failed'): Promise<void> {
		run.stage = stage;
		run.parsed = undefined; // the offers are in the database (or dropped): free them
		setTimeout(() => this.runs.delete(run.id), KEEP_FINISHED_MS);
		if (stage !== 'complete') await run.staging?.drop();
	}

	status(run: ImportRun): RunStatus {
		const seconds = (performance.now() - run.startedMs) / 1000;
		return {
			stage: run.stage,
			rows: run.rows,
			percent: Math.round(run.fraction * 1000) / 10,
			rowsPerSecond: seconds > 0 ? Math.round(run.rows / seconds) : 0
		};
	}

	/** The generic mapping of a distributor, remembered for its next feed. */
	async saveMapping(distributorId: DistributorId, mapping: ColumnMapping): Promise<void> {
		await this.deps.writes.run(() =>
			this.deps.db.settings.put({ key: `feedMapping:${distributorId}`, value: mapping })
		);
	}
}
