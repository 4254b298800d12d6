import type { Table } from 'dexie';
import type { DropshipDb } from '$lib/db/schema';
import { SHARED_SETTINGS, SYNC_TABLES, isSyncTable, type SyncTable } from '$lib/domain/sync-merge';

/** A record's id on the server: its table and its key, e.g. `purchaseOrders:5f0c…`. */
export function docId(table: SyncTable, key: string): string {
	return `${table}:${key}`;
}

export function parseDocId(id: string): { table: SyncTable; key: string } | null {
	const at = id.indexOf(':');
	if (at < 0) return null;
	const table = id.slice(0, at);
	return isSyncTable(table) ? { table, key: id.slice(at + 1) } : null;
}

/** Whether this row travels: every row of a synced table, and only the shop's settings. */
export function isShared(table: SyncTable, key: string): boolean {
	return table !== 'settings' || SHARED_SETTINGS.has(key);
}

export function tableOf(db: DropshipDb, table: SyncTable): Table<Record<string, unknown>, string> {
	return db.table(table);
}

export function keyOf(table: SyncTable, row: Record<string, unknown>): string {
	return String(row[SYNC_TABLES[table]]);
}

/**
 * JSON with sorted keys and without `undefined`, so the same row read from Dexie and from a
 * replicated document compares equal whatever order its fields were written in.
 */
export function stableJson(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
			: v
	);
}
