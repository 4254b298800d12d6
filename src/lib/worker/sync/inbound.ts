import Dexie from 'dexie';
import type { DropshipDb } from '$lib/db/schema';
import { mergeVersions, type SyncTable, type SyncVersion } from '$lib/domain/sync-merge';
import { isShared, parseDocId, stableJson, tableOf } from './docs';
import type { WriteQueue } from '../core/write-queue';
import type { Replica, SyncDoc } from './engine';
import { inboundTransactions } from './outbound';

/** Device-local settings row holding the replica sequence already applied to Dexie. */
export const APPLIED_KEY = 'syncApplied';

export interface PullContext {
	db: DropshipDb;
	/**
	 * The worker's write queue: each batch waits its turn like any local write, so a record
	 * arriving from the server never interleaves with a read-then-write of the same record here.
	 */
	writes: WriteQueue;
	replica: Replica;
	/** This device's letter: its own writes are never applied back over newer local rows. */
	device: string;
	now: () => Date;
	/** Writes one line to the audit log for a conflict the domain resolved. */
	onResolved: (entry: ResolvedConflict) => Promise<void>;
}

export interface ResolvedConflict {
	table: SyncTable;
	key: string;
	rule: string;
	devices: string[];
	row: Record<string, unknown>;
}

/** Records read from the replica and written to Dexie per transaction. */
const PULL_BATCH = 1000;

type Fetched = PouchDB.Core.ExistingDocument<SyncDoc> & PouchDB.Core.ChangesMeta;
type Incoming = { table: SyncTable; key: string; doc: Fetched | undefined };

/**
 * Applies what the replica received to the shop's Dexie tables, from the last applied sequence
 * on, in batches; the sequence is saved in the same transaction as the rows, so a restart resumes
 * exactly after the last batch. Records with conflicting versions are merged by the domain first.
 * Returns how many records changed here.
 */
export async function applyIncoming(ctx: PullContext): Promise<number> {
	let changed = 0;
	for (;;) {
		const since = ((await ctx.db.settings.get(APPLIED_KEY))?.value as string | number) ?? 0;
		const batch = await ctx.replica.changes({
			since,
			include_docs: true,
			conflicts: true,
			limit: PULL_BATCH
		});
		if (batch.results.length === 0) return changed;
		const docs: Incoming[] = [];
		for (const change of batch.results) {
			const parsed = parseDocId(change.id);
			if (!parsed || !isShared(parsed.table, parsed.key)) continue;
			let doc = change.deleted ? undefined : (change.doc as Fetched | undefined);
			if (doc?._conflicts?.length) doc = await resolve(ctx, parsed.table, parsed.key, doc);
			// This device's own write coming back: the local row is the same or newer (a PO moved
			// on while its earlier state was on the way), so it is never applied over it.
			else if (doc && doc.device === ctx.device && doc.mergedBy === undefined) continue;
			docs.push({ ...parsed, doc });
		}
		changed += await ctx.writes.run(() => writeBatch(ctx.db, docs, batch.last_seq));
	}
}

/**
 * One batch into Dexie in one transaction: per table one bulkGet of what is here, then one
 * bulkPut of the rows that differ and one bulkDelete of the rows removed elsewhere. Row by row, a
 * get and a put per record cost a round trip each inside IndexedDB and made a new device's first
 * pull several times slower than the replication itself.
 */
async function writeBatch(
	db: DropshipDb,
	docs: readonly Incoming[],
	lastSeq: string | number
): Promise<number> {
	const byTable = new Map<SyncTable, Map<string, Fetched | undefined>>();
	for (const { table, key, doc } of docs) {
		const keys = byTable.get(table) ?? new Map<string, Fetched | undefined>();
		keys.set(key, doc); // a later change of the same record in the batch wins
		byTable.set(table, keys);
	}
	const tables = new Set<SyncTable>([...byTable.keys(), 'settings']);
	return db.transaction(
		'rw',
		[...tables].map((t) => tableOf(db, t)),
		async () => {
			inboundTransactions.add(Dexie.currentTransaction.idbtrans);
			let changed = 0;
			for (const [table, incoming] of byTable) changed += await writeTable(db, table, incoming);
			await db.settings.put({ key: APPLIED_KEY, value: lastSeq });
			return changed;
		}
	);
}

async function writeTable(
	db: DropshipDb,
	table: SyncTable,
	incoming: ReadonlyMap<string, Fetched | undefined>
): Promise<number> {
	const t = tableOf(db, table);
	const keys = [...incoming.keys()];
	const current = await t.bulkGet(keys);
	const puts: Record<string, unknown>[] = [];
	const deletes: string[] = [];
	keys.forEach((key, i) => {
		const doc = incoming.get(key);
		const here = current[i];
		if (!doc) {
			if (here) deletes.push(key);
		} else if (!here || stableJson(here) !== stableJson(doc.row)) puts.push(doc.row);
	});
	if (deletes.length) await t.bulkDelete(deletes);
	// A row another device wrote that breaks a unique index here (an order both imported before
	// order ids came from the store's number) is skipped rather than failing the whole batch:
	// caught inside the transaction, Dexie's BulkError keeps the other rows.
	const failed = await t.bulkPut(puts).then(
		() => 0,
		(cause: unknown) => {
			if (cause instanceof Dexie.BulkError) return cause.failures.length;
			throw cause;
		}
	);
	return deletes.length + puts.length - failed;
}

/**
 * Merges a record's conflicting versions by its meaning (mergeVersions), writes the result as the
 * winner and removes the losing branches, so every device ends with the same single version.
 */
async function resolve(
	ctx: PullContext,
	table: SyncTable,
	key: string,
	winner: Fetched
): Promise<Fetched> {
	const losers = await Promise.all(
		(winner._conflicts ?? []).map((rev) => ctx.replica.get(winner._id, { rev }))
	);
	const versions: SyncVersion[] = [winner, ...losers].map((d) => ({
		row: d.row,
		editedAt: d.editedAt,
		device: d.device
	}));
	const merged = mergeVersions(table, versions);
	let rev = winner._rev;
	if (stableJson(merged.row) !== stableJson(winner.row) || merged.device !== winner.device) {
		const put = await ctx.replica.put({
			_id: winner._id,
			_rev: winner._rev,
			table,
			row: merged.row,
			editedAt: merged.editedAt,
			device: merged.device,
			mergedBy: ctx.device
		});
		rev = put.rev;
	}
	await ctx.replica.bulkDocs(
		losers.map((l) => ({ _id: l._id, _rev: l._rev, _deleted: true }) as never)
	);
	await ctx.onResolved({
		table,
		key,
		rule: merged.rule,
		devices: [...new Set(versions.map((v) => v.device))].sort(),
		row: merged.row
	});
	return {
		...winner,
		_rev: rev,
		row: merged.row,
		editedAt: merged.editedAt,
		device: merged.device
	};
}
