import { liveQuery } from 'dexie';
import type { DropshipDb } from '$lib/db/schema';
import { loadFeedColumns } from '$lib/db/writes';
import type { OfferColumns } from '$lib/db/offer-columns';
import type { DistributorId } from '$lib/domain/distributor';
import { CatalogIndex } from './offer-index';
import type { CatalogSlice, Pause } from './slice';

/**
 * Keeps the worker's in-memory catalog in step with the database. Loaded lazily on first use (not
 * at worker start, so opening the app does not wait for it); then a liveQuery on the current
 * feeds and the brand aliases reloads what changed — imports in this worker, the demo seed,
 * another tab — and the importer hands its offers over directly so nothing is read back.
 */
export class CatalogKeeper {
	private index: Promise<CatalogIndex> | null = null;
	private queue: Promise<unknown> = Promise.resolve();
	/** The background work that completes slices indexed in part (one after another). */
	private completing: Promise<unknown> = Promise.resolve();
	private pending = new Map<string, OfferColumns>();
	/** Their slices, built while their blocks are written (see `CatalogIndex.prepare`). */
	private prepared = new Map<string, Promise<CatalogSlice>>();
	/** Imports under way (see `foreground`), and what wakes the completion when none is left. */
	private imports = 0;
	private importsDone: () => void = () => undefined;
	/** How the first load went, for the benchmark and for diagnosing a slow start. */
	readonly stats = { readMs: 0, buildMs: 0, totalMs: 0, offers: 0 };

	constructor(
		private readonly db: DropshipDb,
		private readonly pause: Pause = yieldToEventLoop
	) {}

	/** Whether loading the index has started (it may still be under way). */
	get hasStarted(): boolean {
		return this.index !== null;
	}

	ready(): Promise<CatalogIndex> {
		this.index ??= this.load();
		return this.index;
	}

	/** Starts loading without waiting for it: a load that fails shows on the first search. */
	warm(): void {
		this.ready().catch(() => undefined);
	}

	private async load(): Promise<CatalogIndex> {
		const started = performance.now();
		// The aliases are read beside the feeds, not before them: the first search waits for the
		// reads. Exact keys first, so it answers sooner; the rest follows in the background.
		const index = new CatalogIndex();
		await Promise.all([
			readAliases(this.db).then((aliases) => index.setAliases(aliases)),
			this.sync(index)
		]);
		this.stats.totalMs = performance.now() - started;
		this.stats.offers = index.offerCount();
		liveQuery(() => this.db.feedImports.where('state').equals('complete').toArray()).subscribe({
			next: () => void this.serial(() => this.sync(index)),
			error: () => undefined
		});
		liveQuery(() => this.db.brandAliases.toArray()).subscribe({
			next: () => void this.serial(async () => index.setAliases(await readAliases(this.db))),
			error: () => undefined
		});
		return index;
	}

	private serial<T>(job: () => Promise<T>): Promise<T> {
		const next = this.queue.then(job, job);
		this.queue = next.catch(() => undefined);
		return next;
	}

	/**
	 * Reloads each distributor whose current feed differs from the one in memory: its exact-key
	 * tables at once (what every search needs), the word indexes in the background, so an import or a
	 * start is done when the feed can be searched, not when its word index is built. Until then a
	 * search reads the feed's offers instead (correct, tens of ms slower).
	 */
	private async sync(index: CatalogIndex): Promise<void> {
		const feeds = await this.db.feedImports.where('state').equals('complete').toArray();
		const current = new Set<DistributorId>();
		await Promise.all(
			feeds.map(async (feed) => {
				current.add(feed.distributorId);
				if (index.importIdOf(feed.distributorId) === feed.id) return;
				const prepared = this.prepared.get(feed.id);
				if (prepared) return index.install(feed.distributorId, await prepared);
				const t0 = performance.now();
				const offers = this.pending.get(feed.id) ?? (await loadFeedColumns(this.db, feed.id));
				const t1 = performance.now();
				await index.replace(feed.distributorId, feed.id, offers, this.pause, { isPartial: true });
				this.stats.readMs += t1 - t0;
				this.stats.buildMs += performance.now() - t1;
			})
		);
		for (const id of ['wps', 'pu', 'tucker', 'automatic'] as const) {
			if (!current.has(id)) index.remove(id);
		}
		this.completing = this.completing
			.then(() => index.completeDeferred(() => this.pauseForImports()))
			.catch(() => undefined);
	}

	/**
	 * Runs `work` (an import) with the background completion held back: the dealer waits for the
	 * import, nobody waits for the completion (a search scans instead meanwhile), and on one
	 * thread the two would share it; a completion of the slice the import replaces is dropped.
	 */
	async foreground<T>(work: () => Promise<T>): Promise<T> {
		this.imports++;
		try {
			return await work();
		} finally {
			if (--this.imports === 0) this.importsDone();
		}
	}

	private async pauseForImports(): Promise<void> {
		await this.pause();
		while (this.imports > 0) await new Promise<void>((resolve) => (this.importsDone = resolve));
	}

	/**
	 * The importer announces a feed before it commits, so the reload that follows uses its offers
	 * instead of reading 200k rows back, indexed while the write runs; `settle` installs it (call
	 * both, commit or not).
	 */
	expect(importId: string, offers: OfferColumns): void {
		this.pending.set(importId, offers);
		if (!this.index) return; // not loaded: the first search reads the stored feed
		const prepared = this.index.then((index) => index.prepare(importId, offers, this.pause));
		prepared.catch(() => undefined); // a write that fails drops it unread
		this.prepared.set(importId, prepared);
	}

	async settle(importId: string): Promise<void> {
		if (this.index) {
			const index = await this.index;
			await this.serial(() => this.sync(index));
		}
		this.pending.delete(importId);
		this.prepared.delete(importId);
	}

	/** Resolves once every reload queued so far has run and its index is complete (tests). */
	async settled(): Promise<void> {
		await this.queue;
		await this.completing;
	}
}

async function readAliases(db: DropshipDb): Promise<Map<string, string>> {
	const rows = await db.brandAliases.toArray();
	return new Map(rows.map((r) => [r.alias, r.brand]));
}

/** A macrotask, without setTimeout's 4 ms clamp: lets queued messages (searches) run. */
export function yieldToEventLoop(): Promise<void> {
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			channel.port1.close();
			resolve();
		};
		channel.port2.postMessage(null);
	});
}

const keepers = new WeakMap<DropshipDb, CatalogKeeper>();

/** One keeper per database, shared by the `catalog` and `rules` namespaces. */
export function catalogKeeper(db: DropshipDb): CatalogKeeper {
	let keeper = keepers.get(db);
	if (!keeper) {
		keeper = new CatalogKeeper(db);
		keepers.set(db, keeper);
	}
	return keeper;
}
