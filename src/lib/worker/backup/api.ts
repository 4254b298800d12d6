import { z } from 'zod';
import { CURRENT_VERSION } from '$lib/db/schema';
import {
	BACKUP_FORMAT,
	LOCAL_SETTING_KEYS,
	type BackupFile,
	type BackupTable
} from '$lib/domain/backup';
import { ok } from '$lib/domain/result';
import type { DistributorAccount } from '$lib/domain/account';
import { DISTRIBUTORS } from '$lib/domain/distributor';
import { Passphrase } from '$lib/domain/sealed';
import {
	exportSecrets,
	missingCredentials,
	restoreSecrets,
	withoutSecrets,
	type RestoredSecrets
} from './secrets';
import { diff, readBackup } from './read';
import { readSnapshot } from './snapshot';
import type { ApiDeps } from '../core/deps';
import { handler } from '../core/handler';
import { readSetting, writeSetting } from '$lib/db/setting-rows';
import { blockOffers, type StoredCatalogBlock } from '$lib/db/catalog-blocks';

export function backupApi(deps: ApiDeps) {
	return {
		/**
		 * The whole database as one JSON text, read at one point in time (snapshot.ts). Secrets go
		 * in only with a passphrase, encrypted under it; without one they are left out. `locked`/`auth` when a saved secret cannot be opened.
		 */
		export: handler(
			z.object({
				includeCatalog: z.boolean().default(false),
				passphrase: Passphrase.optional()
			}),
			async (input) => {
				const snapshot = await readSnapshot(deps, { includeCatalog: input.includeCatalog });
				const tables: Record<string, unknown[]> = {};
				// Blocks of an import still being read (stored ahead of its row) are not the catalog.
				const feedIds = new Set(snapshot.tables.feedImports?.map((f) => String(f.id)));
				for (const [table, rows] of Object.entries(snapshot.tables) as [
					BackupTable,
					Record<string, unknown>[]
				][]) {
					tables[table] = rows
						.filter((r) => table !== 'settings' || !LOCAL_SETTING_KEYS.has(String(r.key)))
						.filter((r) => table !== 'catalogBlocks' || feedIds.has(String(r.importId)))
						.map((r) => (table === 'catalogBlocks' ? asRowBlock(r) : withoutSecrets(table, r)));
				}
				if (!input.includeCatalog) {
					// Without the blocks, the feed records would point at nothing.
					tables.feedImports = [];
				}
				const exportedAt = snapshot.at;
				let secrets: BackupFile['secrets'];
				if (input.passphrase) {
					const sealed = await exportSecrets(deps, input.passphrase, exportedAt, snapshot);
					if (!sealed.ok) return sealed;
					secrets = sealed.value;
				}
				const file: BackupFile = {
					format: BACKUP_FORMAT,
					schemaVersion: CURRENT_VERSION,
					exportedAt,
					hasCatalog: input.includeCatalog,
					tables,
					...(secrets ? { secrets } : {})
				};
				await deps.writes.run(() =>
					deps.db.settings.put({ key: 'lastBackupAt', value: exportedAt })
				);
				return ok({ text: JSON.stringify(file), exportedAt, hasSecrets: Boolean(secrets) });
			}
		),

		/** What a restore would change, table by table. `validation` for a damaged or foreign file. */
		preview: handler(z.object({ text: z.string() }), async (input) => {
			const read = readBackup(input.text);
			if (!read.ok) return read;
			return ok({
				exportedAt: read.value.file.exportedAt,
				hasSecrets: Boolean(read.value.file.secrets),
				changes: await diff(deps, read.value.rows)
			});
		}),

		/**
		 * Restores a backup in one transaction: `merge` keeps rows the backup does not have,
		 * `replace` empties the tables first (this browser's own settings, like its key, stay).
		 * With the export passphrase the backup's secrets are restored too; otherwise credentials
		 * already saved here are kept and `needsCredentials` says what to type again.
		 * `validation` for a damaged file, `auth` for a wrong passphrase; nothing written then.
		 */
		restore: handler(
			z.object({
				text: z.string(),
				mode: z.enum(['merge', 'replace']),
				passphrase: z.string().optional()
			}),
			async (input) => {
				const read = readBackup(input.text);
				if (!read.ok) return read;
				const { file, rows } = read.value;
				let restored: RestoredSecrets | null = null;
				if (file.secrets && input.passphrase) {
					const opened = await restoreSecrets(
						deps,
						file.secrets,
						file.exportedAt,
						input.passphrase,
						{
							accounts: (rows.get('distributors') ?? []) as DistributorAccount[],
							smtp:
								((rows.get('settings') ?? []).find((r) => r.key === 'smtp')?.value as
									Record<string, unknown> | undefined) ?? null
						}
					);
					if (!opened.ok) return opened;
					restored = opened.value;
				}
				const changes = await diff(deps, rows);
				await deps.writes.run(() =>
					deps.db.transaction('rw', deps.db.tables, async () => {
						const savedAccounts = await deps.db.distributors.toArray();
						const savedSmtp = await readSetting(deps.db, 'smtp');
						for (const [table, incoming] of rows) {
							if (!file.hasCatalog && (table === 'catalogBlocks' || table === 'feedImports'))
								continue;
							const store = deps.db.table(table);
							if (input.mode === 'replace') {
								if (table === 'settings') {
									await store
										.where('key')
										.noneOf([...LOCAL_SETTING_KEYS])
										.delete();
								} else {
									await store.clear();
								}
							}
							await store.bulkPut(
								table === 'settings'
									? incoming.filter((r) => !LOCAL_SETTING_KEYS.has(String(r.key)))
									: incoming
							);
						}
						// Put back the secrets saved here that the backup did not carry.
						for (const account of savedAccounts) {
							const row = await deps.db.distributors.get(account.id);
							if (row) {
								await deps.db.distributors.put({
									...row,
									credentials: { ...row.credentials, ...pickSecrets(account) },
									...(account.sealed ? { sealed: account.sealed } : {})
								});
							} else if (input.mode === 'replace') {
								await deps.db.distributors.put(account);
							}
						}
						const smtp = await readSetting(deps.db, 'smtp');
						if (savedSmtp && smtp) {
							const { password, sealedPassword } = savedSmtp;
							await writeSetting(deps.db, 'smtp', {
								...smtp,
								...(password ? { password, sealedPassword } : {})
							});
						}
						// …unless the backup's own secrets came with the passphrase: those win.
						if (restored) {
							await deps.db.distributors.bulkPut(restored.accounts);
							if (restored.smtp) await deps.db.settings.put({ key: 'smtp', value: restored.smtp });
						}
					})
				);
				return ok({
					changes,
					isCredentialsRestored: restored !== null,
					needsCredentials: await missingCredentials(deps)
				});
			}
		)
	};
}

/** The secret fields' hints of an account saved here (their ciphertexts travel in `sealed`). */
function pickSecrets(account: DistributorAccount): Record<string, string> {
	const picked: Record<string, string> = {};
	for (const field of DISTRIBUTORS[account.id].credentialFields) {
		const value = account.credentials[field.key];
		if (field.isSecret && value) picked[field.key] = value;
	}
	return picked;
}

/**
 * Backups keep the catalog in block format 1 (offers as objects): JSON cannot hold typed arrays,
 * and every version restores format 1 (the worker reads every block format ever written).
 */
function asRowBlock(row: Record<string, unknown>): Record<string, unknown> {
	const block = row as unknown as StoredCatalogBlock;
	return { importId: block.importId, blockNo: block.blockNo, offers: blockOffers(block) };
}
