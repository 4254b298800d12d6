import type { ColumnarBlock } from '$lib/db/catalog-blocks';
import { BLOCKS_PER_PUT, dropCatalogBlocks, stageCatalogBlocks } from '$lib/db/writes';
import type { ApiDeps } from '../core/deps';

/**
 * Stores a feed's blocks while the feed is still being read, so its final transaction
 * (`replaceCatalog`) writes only the last few: IndexedDB writes in the browser's own process while
 * the worker parses. Measured on a 200k-row feed, the wait after the parse went from 170–214 ms to
 * 68–114 (the parse itself takes a little longer, the import as a whole ~6 % less at the median).
 *
 * The blocks sit under the import's new id, which no reader looks at before its row is complete;
 * a write that fails stops the staging and the final transaction writes everything itself (and
 * fails there, in the dealer's words, if the disk is full).
 */
export class BlockStaging {
	private batch: ColumnarBlock[] = [];
	private writing: Promise<void> = Promise.resolve();
	private stored = 0;
	private stopped = false;

	constructor(
		private readonly deps: Pick<ApiDeps, 'db' | 'writes'>,
		private readonly importId: string
	) {}

	add(block: ColumnarBlock): void {
		if (this.stopped) return;
		this.batch.push({ ...block, importId: this.importId });
		if (this.batch.length >= BLOCKS_PER_PUT) this.write();
	}

	/** How many of the first blocks are stored, once the writes asked for have settled. */
	async settled(): Promise<number> {
		await this.writing;
		return this.stopped ? 0 : this.stored;
	}

	/** Stops and removes what was stored (the import was cancelled, refused or failed). */
	async drop(): Promise<void> {
		this.stopped = true;
		this.batch = [];
		await this.writing;
		// Left behind if this fails too: the next import's transaction removes it.
		await this.deps.writes
			.run(() => dropCatalogBlocks(this.deps.db, this.importId))
			.catch(() => undefined);
	}

	private write(): void {
		const blocks = this.batch;
		this.batch = [];
		if (blocks.length === 0) return;
		this.writing = this.writing.then(async () => {
			if (this.stopped) return;
			try {
				await this.deps.writes.run(() => stageCatalogBlocks(this.deps.db, blocks));
				this.stored += blocks.length;
			} catch {
				this.stopped = true;
			}
		});
	}
}
