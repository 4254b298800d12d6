import Dexie from 'dexie';
import type { DropshipDb } from '$lib/db/schema';
import { mergeVersions, type SyncTable, type SyncVersion } from '$lib/domain/sync-merge';
import { isShared, parseDocId, stableJson, tableOf } from './docs';
import type { Replica, SyncDoc } from './engine';
import { inboundTransactions } from './outbound';

/** Device-local settings row holding the replica sequence already applied to Dexie. */
export const APPLIED_KEY = 'syncApplied';

export interface PullContext {
	db: DropshipDb;
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

type Fetched = PouchDB.Core.ExistingDocument<SyncDoc> & PouchDB.Core.ChangesMeta;

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
			limit: 500
		});
		if (batch.results.length === 0) return changed;
		const docs: { table: SyncTable; key: string; doc: Fetched | undefined }[] = [];
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
		changed += await writeBatch(ctx.db, docs, batch.last_seq);
	}
}

async function writeBatch(
	db: DropshipDb,
	docs: readonly { table: SyncTable; key: string; doc: Fetched | undefined }[],
	lastSeq: string | number
): Promise<number> {
	const tables = [...new Set(docs.map((d) => d.table)), 'settings' as const];
	return db.transaction(
		'rw',
		[...new Set(tables)].map((t) => tableOf(db, t)),
		async () => {
			inboundTransactions.add(Dexie.currentTransaction.idbtrans);
			let changed = 0;
			for (const { table, key, doc } of docs) {
				const t = tableOf(db, table);
				const current = await t.get(key);
				if (!doc) {
					if (current) {
						await t.delete(key);
						changed += 1;
					}
					continue;
				}
				if (current && stableJson(current) === stableJson(doc.row)) continue;
				// A row another device wrote that breaks a unique index here (the same web order
				// imported on both) is skipped rather than failing the whole batch; the next edit of
				// either copy brings it back.
				await t.put(doc.row).then(
					() => (changed += 1),
					() => undefined
				);
			}
			await db.settings.put({ key: APPLIED_KEY, value: lastSeq });
			return changed;
		}
	);
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
