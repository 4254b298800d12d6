import type { SyncConfig, SyncStatus } from '$lib/domain/sync-config';
import { syncBackoffMs } from '$lib/domain/sync-config';
import type { ApiDeps } from '../core/deps';
import { authOf, databaseUrl } from './config';
import type { RemoteDb, Replica } from './engine';
import { applyIncoming, type ResolvedConflict } from './inbound';
import { pushEverything, pushRecords, watchWrites } from './outbound';

/**
 * One device's sync: Dexie → replica (pushRecords, from the write hooks), replica ⇄ server
 * (PouchDB's live replication with retry and backoff; checkpoints in `_local` documents on both
 * sides, so a restart resumes), replica → Dexie (applyIncoming, from its own saved sequence).
 * All work runs one step at a time on `chain`.
 */
export class ShopSync {
	private replica: Replica | null = null;
	private replication: PouchDB.Replication.Sync<object> | null = null;
	private watcher: { dispose: () => void } | null = null;
	private dirty = new Set<string>();
	private chain: Promise<unknown> = Promise.resolve();
	private isScheduled = false;
	private status: SyncStatus = { phase: 'off', pending: 0 };
	private unsent = 0;
	private deviceLetter = '';

	constructor(private readonly deps: ApiDeps) {}

	getStatus(): SyncStatus {
		return { ...this.status, pending: this.dirty.size + this.unsent };
	}

	async start(config: SyncConfig): Promise<void> {
		await this.stop();
		const { deps } = this;
		this.deviceLetter = config.deviceLetter;
		const replica = await deps.sync.openReplica(`${deps.db.name}-sync`);
		this.replica = replica;
		this.status = { phase: 'connecting', pending: 0 };
		this.watcher = watchWrites(deps.db, (ids) => {
			for (const id of ids) this.dirty.add(id);
			this.schedule();
		});
		const push = { db: deps.db, replica, device: config.deviceLetter, now: deps.now };
		// Catch up before going live: rows the replica got but Dexie did not (a closed tab), then
		// rows Dexie has that the replica does not (edits made while sync was off).
		await this.step(async () => {
			await applyIncoming(this.pullContext(replica));
			for (const id of await pushEverything(push)) this.dirty.add(id);
		});
		const remote = quietInfo(await deps.sync.openRemote(databaseUrl(config), authOf(config)));
		const replication = replica.sync(remote, {
			live: true,
			retry: true,
			batch_size: 500,
			back_off_function: (delay: number) => syncBackoffMs(delay, deps.random())
		});
		this.replication = replication;
		replication
			.on('change', (info) => {
				if (info.direction === 'pull') this.schedule();
				else this.unsent = Math.max(0, this.unsent - info.change.docs_written);
			})
			.on('active', () => this.setPhase('waiting'))
			.on('paused', (error) => {
				if (error) return this.setPhase('offline', describe(error));
				this.unsent = 0;
				this.status = {
					phase: this.dirty.size ? 'waiting' : 'in_sync',
					pending: 0,
					lastSyncedAt: deps.now().toISOString()
				};
			})
			.on('denied', (error) => this.setPhase('denied', describe(error)))
			.on('error', (error) => this.setPhase('offline', describe(error)));
	}

	async stop(): Promise<void> {
		this.replication?.cancel();
		this.replication = null;
		this.watcher?.dispose();
		this.watcher = null;
		await this.chain;
		await this.replica?.close();
		this.replica = null;
		this.dirty.clear();
		this.status = { phase: 'off', pending: 0 };
	}

	/** Resolves once every change noticed so far has been pushed into and pulled from the replica. */
	async whenSettled(): Promise<void> {
		while (this.isScheduled) await this.chain;
		await this.chain;
	}

	private schedule(): void {
		if (this.isScheduled) return;
		this.isScheduled = true;
		void this.step(async () => {
			this.isScheduled = false;
			const replica = this.replica;
			if (!replica) return;
			const ids = [...this.dirty];
			this.dirty.clear();
			// Only documents really written count as waiting (a row of a table that is not shared,
			// or one the replica already holds as it is, never reaches the server's `change`
			// event), and they count before the replica has them: live replication may send them
			// (its `change` event takes them off) before pushRecords returns. Counted otherwise,
			// a device in sync showed "1 change waiting" for good.
			const retry = await pushRecords(
				{ db: this.deps.db, replica, device: this.deviceLetter, now: this.deps.now },
				ids,
				(count) => (this.unsent += count)
			);
			this.unsent = Math.max(0, this.unsent - retry.length);
			await applyIncoming(this.pullContext(replica));
			for (const id of retry) this.dirty.add(id);
			if (retry.length) this.schedule();
		});
	}

	private step(work: () => Promise<void>): Promise<void> {
		const next = this.chain.then(work).catch((cause: unknown) => {
			this.setPhase('offline', describe(cause));
		});
		this.chain = next;
		return next;
	}

	private setPhase(phase: SyncStatus['phase'], message?: string): void {
		this.status = { ...this.status, phase, ...(message ? { message } : {}) };
	}

	private pullContext(replica: Replica) {
		return {
			db: this.deps.db,
			writes: this.deps.writes,
			replica,
			device: this.deviceLetter,
			now: this.deps.now,
			onResolved: (entry: ResolvedConflict) => auditConflict(this.deps, entry)
		};
	}
}

async function auditConflict(deps: ApiDeps, entry: ResolvedConflict): Promise<void> {
	const po = entry.table === 'purchaseOrders' ? entry.row : undefined;
	await deps.db.auditLog.add({
		at: deps.now().toISOString(),
		...(po ? { distributorId: po.distributorId as never, poNumber: String(po.poNumber) } : {}),
		operation: 'sync.conflict',
		method: 'MERGE',
		url: `couchdb:${entry.table}/${entry.key}`,
		ok: true,
		durationMs: 0,
		message: `Edited on devices ${entry.devices.join(' and ')} while apart; kept: ${entry.rule}.`
	});
}

/**
 * PouchDB 9's replicator asks the source for progress figures with `info()` after each batch and
 * never handles a failure, so a server that drops mid-batch becomes an unhandled rejection. The
 * figures are progress only: a failed answer reads as "nothing known" and replication's own
 * retry deals with the server.
 */
function quietInfo(remote: RemoteDb): RemoteDb {
	const info = remote.info.bind(remote);
	const quiet = () =>
		info().catch(() => ({ db_name: '', doc_count: 0, update_seq: 0 }) as PouchDB.Core.DatabaseInfo);
	return Object.assign(remote, { info: quiet });
}

function describe(error: unknown): string {
	const e = error as { status?: number; message?: string; reason?: string };
	if (e.status === 401 || e.status === 403)
		return 'The sync server refused the user name or password.';
	return 'The sync server cannot be reached; changes wait here and go when it answers.';
}
