import type { Transaction } from 'dexie';
import type { DropshipDb } from '$lib/db/schema';
import { SYNC_TABLES, type SyncTable } from '$lib/domain/sync-merge';
import { docId, isShared, keyOf, parseDocId, stableJson, tableOf } from './docs';
import type { Replica, SyncDoc } from './engine';

/**
 * Writes made by the replication itself: not marked, so a record pulled in is not pushed back.
 * Keyed by the IndexedDB transaction, which a Dexie transaction shares with the ones nested in it.
 */
export const inboundTransactions = new WeakSet<IDBTransaction>();

/**
 * Notes which records the app changed, from Dexie's hooks, once their IndexedDB transaction
 * commits (an aborted write changed nothing; a nested Dexie transaction has no `complete` of its
 * own, so the native one is watched). Hooks are installed once per call; `dispose` silences them.
 */
export function watchWrites(
	db: DropshipDb,
	onDirty: (ids: readonly string[]) => void
): { dispose: () => void } {
	const pending = new WeakMap<IDBTransaction, Set<string>>();
	let isActive = true;
	const mark = (tx: Transaction, table: SyncTable, key: unknown) => {
		const idb = tx.idbtrans;
		if (!isActive || key === undefined || !idb || inboundTransactions.has(idb)) return;
		let ids = pending.get(idb);
		if (!ids) {
			const fresh = new Set<string>();
			pending.set(idb, fresh);
			idb.addEventListener('complete', () => {
				if (isActive) onDirty([...fresh]);
			});
			ids = fresh;
		}
		ids.add(docId(table, String(key)));
	};
	const hooks: (() => void)[] = [];
	for (const table of Object.keys(SYNC_TABLES) as SyncTable[]) {
		const t = db.table(table);
		const keyPath = SYNC_TABLES[table];
		const creating = (key: unknown, obj: Record<string, unknown>, tx: Transaction) =>
			mark(tx, table, key ?? obj[keyPath]);
		const updating = (_mods: object, key: unknown, _obj: unknown, tx: Transaction) =>
			mark(tx, table, key);
		const deleting = (key: unknown, _obj: unknown, tx: Transaction) => mark(tx, table, key);
		t.hook('creating', creating);
		t.hook('updating', updating);
		t.hook('deleting', deleting);
		hooks.push(() => {
			t.hook('creating').unsubscribe(creating);
			t.hook('updating').unsubscribe(updating);
			t.hook('deleting').unsubscribe(deleting);
		});
	}
	return {
		dispose: () => {
			isActive = false;
			for (const off of hooks) off();
		}
	};
}

export interface PushContext {
	db: DropshipDb;
	replica: Replica;
	device: string;
	now: () => Date;
}

type Write = PouchDB.Core.PutDocument<SyncDoc> & { _deleted?: boolean };

/**
 * Copies the given records from Dexie into this device's replica when they differ from what the
 * replica holds; the replicator takes them to the server from there. Returns the ids that must be
 * tried again (the replica changed under us: a pull landed between our read and our write).
 */
export async function pushRecords(
	ctx: PushContext,
	ids: readonly string[],
	/** Told how many documents are about to be written, before the replica has them. */
	onWriting: (count: number) => void = () => undefined
): Promise<string[]> {
	const wanted = ids
		.map((id) => ({ id, parsed: parseDocId(id) }))
		.filter((w) => w.parsed && isShared(w.parsed.table, w.parsed.key));
	if (wanted.length === 0) return [];
	const held = await ctx.replica.allDocs({ keys: wanted.map((w) => w.id), include_docs: true });
	const writes: Write[] = [];
	for (const [i, w] of wanted.entries()) {
		const { table, key } = w.parsed!;
		const row = (await tableOf(ctx.db, table).get(key)) as Record<string, unknown> | undefined;
		const slot = held.rows[i];
		const existing = slot && 'doc' in slot ? slot.doc : undefined;
		const rev = slot && 'value' in slot ? slot.value.rev : undefined;
		if (!row) {
			if (existing) writes.push({ _id: w.id, _rev: rev, _deleted: true } as Write);
			continue;
		}
		if (existing && stableJson(existing.row) === stableJson(row)) continue;
		writes.push({
			_id: w.id,
			...(rev ? { _rev: rev } : {}),
			table,
			row,
			editedAt: ctx.now().toISOString(),
			device: ctx.device
		});
	}
	return writeAll(ctx.replica, writes, onWriting);
}

async function writeAll(
	replica: Replica,
	writes: Write[],
	onWriting: (count: number) => void = () => undefined
): Promise<string[]> {
	const retry: string[] = [];
	for (let i = 0; i < writes.length; i += 500) {
		const chunk = writes.slice(i, i + 500);
		onWriting(chunk.length);
		const results = await replica.bulkDocs(chunk);
		results.forEach((r, j) => {
			if ('error' in r && r.error) retry.push(String(chunk[j]?._id));
		});
	}
	return retry;
}

/**
 * Start-up pass: every shared row of every synced table compared with the replica, so edits made
 * while sync was off (or lost with a closed tab before they reached the replica) still travel.
 * Deletions are not inferred here: a record missing locally may simply not be pulled in yet.
 */
export async function pushEverything(ctx: PushContext): Promise<string[]> {
	const retry: string[] = [];
	for (const table of Object.keys(SYNC_TABLES) as SyncTable[]) {
		const rows = (await tableOf(ctx.db, table).toArray()) as Record<string, unknown>[];
		const held = await ctx.replica.allDocs({
			startkey: `${table}:`,
			endkey: `${table}:\uffff`,
			include_docs: true
		});
		const byId = new Map(held.rows.map((r) => [r.id, r]));
		const writes: Write[] = [];
		for (const row of rows) {
			const key = keyOf(table, row);
			if (!isShared(table, key)) continue;
			const id = docId(table, key);
			const existing = byId.get(id);
			if (existing?.doc && stableJson(existing.doc.row) === stableJson(row)) continue;
			writes.push({
				_id: id,
				...(existing ? { _rev: existing.value.rev } : {}),
				table,
				row,
				editedAt: ctx.now().toISOString(),
				device: ctx.device
			});
		}
		retry.push(...(await writeAll(ctx.replica, writes)));
	}
	return retry;
}
