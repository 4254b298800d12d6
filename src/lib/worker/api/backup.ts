import { z } from 'zod';
import type { Table } from 'dexie';
import { CURRENT_VERSION } from '$lib/db/schema';
import {
	BACKUP_FORMAT,
	BACKUP_TABLES,
	BACKUP_TABLE_NAMES,
	BackupFile,
	LOCAL_SETTING_KEYS,
	type BackupTable,
	type TableChange
} from '$lib/domain/backup';
import { err, ok, type Result } from '$lib/domain/result';
import type { ApiDeps } from '../deps';
import { handler } from '../handler';

/** Secret credential fields never leave in clear: until they are encrypted at rest, they stay out. */
const SECRET_FIELDS = ['apiKey', 'apiToken'] as const;

function withoutSecrets(table: BackupTable, row: Record<string, unknown>): Record<string, unknown> {
	if (table === 'distributors') {
		const credentials = { ...(row.credentials as Record<string, unknown>) };
		for (const field of SECRET_FIELDS) delete credentials[field];
		const { sealed: _sealed, ...rest } = row;
		return { ...rest, credentials };
	}
	if (table === 'settings' && row.key === 'smtp') {
		const {
			password: _password,
			sealedPassword: _sealedPassword,
			...smtp
		} = row.value as Record<string, unknown>;
		return { ...row, value: smtp };
	}
	return row;
}

function keyOf(deps: ApiDeps, table: BackupTable): string {
	const primKey = deps.db.table(table).schema.primKey;
	return typeof primKey.keyPath === 'string' ? primKey.keyPath : 'id';
}

/** Parses a backup file; every row must pass its table's schema, or nothing is restored. */
function readBackup(
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

async function diff(
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

export function backupApi(deps: ApiDeps) {
	return {
		/** The whole database as one JSON text (secrets left out). Never fails. */
		export: handler(z.object({ includeCatalog: z.boolean().default(false) }), async (input) => {
			const tables: Record<string, unknown[]> = {};
			for (const table of BACKUP_TABLE_NAMES) {
				if (!input.includeCatalog && table === 'catalogBlocks') continue;
				const rows = (await deps.db.table(table).toArray()) as Record<string, unknown>[];
				tables[table] = rows
					.filter((r) => table !== 'settings' || !LOCAL_SETTING_KEYS.has(String(r.key)))
					.map((r) => withoutSecrets(table, r));
			}
			if (!input.includeCatalog) {
				// Without the blocks, the feed records would point at nothing.
				tables.feedImports = [];
			}
			const exportedAt = deps.now().toISOString();
			const file: BackupFile = {
				format: BACKUP_FORMAT,
				schemaVersion: CURRENT_VERSION,
				exportedAt,
				hasCatalog: input.includeCatalog,
				tables
			};
			await deps.writes.run(() => deps.db.settings.put({ key: 'lastBackupAt', value: exportedAt }));
			return ok({ text: JSON.stringify(file), exportedAt });
		}),

		/** What a restore would change, table by table. `validation` for a damaged or foreign file. */
		preview: handler(z.object({ text: z.string() }), async (input) => {
			const read = readBackup(input.text);
			if (!read.ok) return read;
			return ok({
				exportedAt: read.value.file.exportedAt,
				changes: await diff(deps, read.value.rows)
			});
		}),

		/**
		 * Restores a backup in one transaction: `merge` keeps rows the backup does not have,
		 * `replace` empties the tables first. Secrets are not in backups: credentials already saved
		 * here are kept. `validation` for a damaged file, with nothing written.
		 */
		restore: handler(
			z.object({ text: z.string(), mode: z.enum(['merge', 'replace']) }),
			async (input) => {
				const read = readBackup(input.text);
				if (!read.ok) return read;
				const changes = await diff(deps, read.value.rows);
				await deps.writes.run(() =>
					deps.db.transaction('rw', deps.db.tables, async () => {
						const savedAccounts = await deps.db.distributors.toArray();
						const savedSmtp = await deps.db.settings.get('smtp');
						for (const [table, rows] of read.value.rows) {
							if (
								!read.value.file.hasCatalog &&
								(table === 'catalogBlocks' || table === 'feedImports')
							)
								continue;
							const store = deps.db.table(table);
							if (input.mode === 'replace') await store.clear();
							await store.bulkPut(rows);
						}
						// Put back the secrets the backup could not carry.
						for (const account of savedAccounts) {
							const restored = await deps.db.distributors.get(account.id);
							if (restored) {
								await deps.db.distributors.put({
									...restored,
									credentials: { ...restored.credentials, ...pickSecrets(account.credentials) },
									...(account.sealed ? { sealed: account.sealed } : {})
								});
							} else if (input.mode === 'replace') {
								await deps.db.distributors.put(account);
							}
						}
						const smtp = await deps.db.settings.get('smtp');
						if (savedSmtp && smtp) {
							const { password, sealedPassword } = savedSmtp.value as {
								password?: string;
								sealedPassword?: unknown;
							};
							await deps.db.settings.put({
								key: 'smtp',
								value: {
									...(smtp.value as object),
									...(password ? { password, sealedPassword } : {})
								}
							});
						}
					})
				);
				return ok({ changes });
			}
		)
	};
}

function pickSecrets(credentials: Record<string, string | undefined>): Record<string, string> {
	const picked: Record<string, string> = {};
	for (const field of SECRET_FIELDS) {
		const value = credentials[field];
		if (value) picked[field] = value;
	}
	return picked;
}
