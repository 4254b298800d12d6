import type { DistributorId } from '$lib/domain/distributor';
import { FEED_PRESETS } from '$lib/feeds/preset-list';
import type { ColumnMapping, FeedLayoutId, RowProblem } from '$lib/feeds/types';
import type { Client } from '$lib/worker-client/client.svelte';

export interface Progress {
	rows: number;
	percent: number;
	rowsPerSecond: number;
	stage: string;
}

export interface Preview {
	header: string[];
	rows: string[][];
	encoding: string;
	isRemembered: boolean;
}

type Stage = 'idle' | 'running' | 'confirm' | 'done' | 'refused' | 'cancelled';

const POLL_MS = 200;

/**
 * One feed import as the Import page runs it: the worker parses and stores; this polls its
 * progress, offers Cancel, and asks before a much smaller feed replaces the current one.
 */
export class FeedImportFlow {
	layout = $state<FeedLayoutId>('pu');
	distributorId = $state<DistributorId>('pu');
	files = $state<File[]>([]);
	url = $state('');
	preview = $state<Preview | null>(null);
	mapping = $state<ColumnMapping | null>(null);
	stage = $state<Stage>('idle');
	progress = $state<Progress | null>(null);
	message = $state('');
	notes = $state<string[]>([]);
	problems = $state<RowProblem[]>([]);
	problemCount = $state(0);
	confirmText = $state('');
	#runId = '';

	constructor(private readonly client: Client) {}

	get preset() {
		return FEED_PRESETS.find((p) => p.id === this.layout) ?? FEED_PRESETS[0];
	}

	chooseLayout(layout: FeedLayoutId): void {
		this.layout = layout;
		const fixed = FEED_PRESETS.find((p) => p.id === layout)?.distributorId;
		if (fixed) this.distributorId = fixed;
		else if (this.distributorId !== 'automatic') this.distributorId = 'automatic';
		void this.loadPreview();
	}

	async chooseFiles(files: File[]): Promise<void> {
		this.files = files;
		this.stage = 'idle';
		this.message = '';
		await this.loadPreview();
	}

	/** The mapping screen's first rows, for the generic layout only. */
	async loadPreview(): Promise<void> {
		this.preview = null;
		const [file] = this.files;
		if (this.layout !== 'generic' || !file) return;
		const result = await this.client.catalog.previewCsv({
			distributorId: this.distributorId,
			file: { name: file.name, data: file }
		});
		if (!result.ok) {
			this.stage = 'refused';
			this.message = result.error.message;
			return;
		}
		const { mapping, ...preview } = result.value;
		this.preview = preview;
		this.mapping = mapping;
	}

	async start(): Promise<void> {
		if (this.files.length === 0) return;
		await this.track((runId) =>
			this.client.catalog.importFeed({
				...this.request(runId),
				files: this.files.map((f) => ({ name: f.name, data: f }))
			})
		);
	}

	/** The same from an address, fetched by the worker through the proxy. */
	async startFromUrl(): Promise<void> {
		if (!this.url.trim()) return;
		await this.track((runId) =>
			this.client.catalog.importFromUrl({ ...this.request(runId), url: this.url.trim() })
		);
	}

	/** WPS's catalog straight from its API, with the token saved in Settings. */
	async startFromWpsApi(): Promise<void> {
		await this.track((runId) => this.client.catalog.importFromWpsApi({ runId }));
	}

	private request(runId: string) {
		return {
			runId,
			layout: this.layout,
			distributorId: this.distributorId,
			mapping: this.layout === 'generic' ? (this.mapping ?? undefined) : undefined
		};
	}

	private async track(call: (runId: string) => ReturnType<Client['catalog']['importFeed']>) {
		if (this.stage === 'running') return;
		this.#runId = crypto.randomUUID();
		this.stage = 'running';
		this.progress = { rows: 0, percent: 0, rowsPerSecond: 0, stage: 'reading' };
		this.message = '';
		const poll = setInterval(() => void this.poll(), POLL_MS);
		try {
			this.settle(await call(this.#runId));
		} finally {
			clearInterval(poll);
		}
	}

	private async poll(): Promise<void> {
		const status = await this.client.catalog.importStatus({ runId: this.#runId });
		if (status.ok && this.stage === 'running') this.progress = status.value;
	}

	private settle(result: Awaited<ReturnType<Client['catalog']['importFeed']>>): void {
		if (!result.ok) {
			this.stage = 'refused';
			this.message = `${result.error.message} Nothing was changed.`;
			return;
		}
		const outcome = result.value;
		if (outcome.state === 'cancelled') {
			this.stage = 'cancelled';
			this.message = 'Import cancelled. The catalog is as it was.';
		} else if (outcome.state === 'needs_confirmation') {
			this.stage = 'confirm';
			this.confirmText = `This feed has ${outcome.rowCount.toLocaleString('en-US')} items; the current one has ${outcome.previousCount.toLocaleString('en-US')}. A feed under half the size is often cut short. Replace the catalog anyway?`;
		} else {
			this.stage = 'done';
			this.problems = outcome.problems;
			this.problemCount = outcome.problemCount;
			this.notes = outcome.notes;
			this.message = `Imported ${outcome.feed.rowCount.toLocaleString('en-US')} items${outcome.problemCount ? `; ${outcome.problemCount.toLocaleString('en-US')} rows were skipped` : ''}.`;
		}
	}

	async cancel(): Promise<void> {
		await this.client.catalog.cancelImport({ runId: this.#runId });
		if (this.stage === 'confirm') {
			this.stage = 'cancelled';
			this.message = 'The current feed was kept.';
		}
	}

	async confirm(): Promise<void> {
		this.stage = 'running';
		this.settle(await this.client.catalog.confirmImport({ runId: this.#runId }));
	}
}
