import { z } from 'zod';
import type { Table } from 'dexie';
import { CURRENT_VERSION } from '$lib/db/schema';
import {
	BACKUP_TABLES,
	BACKUP_TABLE_NAMES,
	BackupFile,
	type BackupTable,
	type TableChange
} from '$lib/domain/backup';
import { err, ok, type Result } from '$lib/domain/result';
import type { ApiDeps } from '../core/deps';

function keyOf(deps: ApiDeps, table: BackupTable): string {
	const primKey = deps.db.table(table).schema.primKey;
	return typeof primKey.keyPath === 'string' ? primKey.keyPath : 'id';
}

/** Parses a backup file; every row must pass its table's schema, or nothing is restored. */
export function readBackup(
	text: string
): Result<{ file: BackupFile; rows: Map<BackupTable, Record<string, unknown>[]> }> {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return err('validation', 'This file is not a Dropship Desk backup (it is not JSON).');
	}
	const file = BackupFile.safeParse(json);
	if (!file.success) return err('validation', 'This file is not a Dropship Desk backup.');
	if (file.data.schemaVersion > CURRENT_VERSION) {
		return err(
			'validation',
			'This backup comes from a newer version of Dropship Desk. Update the app first.'
		);
	}
	const rows = new Map<BackupTable, Record<string, unknown>[]>();
	for (const table of BACKUP_TABLE_NAMES) {
		const incoming = file.data.tables[table] ?? [];
		const parsed = z.array(BACKUP_TABLES[table]).safeParse(incoming);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			return err(
				'validation',
				`The backup's ${table} are damaged (row ${Number(issue?.path[0] ?? 0) + 1}: ${issue?.message}). Nothing was restored.`
			);
		}
		rows.set(table, parsed.data as Record<string, unknown>[]);
	}
	return ok({ file: file.data, rows });
}

export async function diff(
	deps: ApiDeps,
	rows: Map<BackupTable, Record<string, unknown>[]>
): Promise<TableChange[]> {
	const changes: TableChange[] = [];
	for (const [table, incoming] of rows) {
		const key = keyOf(deps, table);
		const store = deps.db.table(table) as Table<Record<string, unknown>, unknown>;
		const existing = await store.bulkGet(incoming.map((r) => r[key]));
		let added = 0;
		let changed = 0;
		existing.forEach((current, i) => {
			if (current === undefined) added += 1;
			else if (JSON.stringify(current) !== JSON.stringify(incoming[i])) changed += 1;
		});
		changes.push({
			table,
			incoming: incoming.length,
			added,
			changed,
			unchanged: incoming.length - added - changed
		});
	}
	return changes;
}
