import type { DistributorAccount } from '$lib/domain/account';
import { BACKUP_TABLE_NAMES, type BackupTable } from '$lib/domain/backup';
import { SETTING_ROWS, type SmtpRow } from '$lib/domain/setting-rows';
import type { ApiDeps } from '../core/deps';

/** Every row a backup carries, as it was at one moment, with the secrets still in. */
export interface BackupSnapshot {
	tables: Partial<Record<BackupTable, Record<string, unknown>[]>>;
	/** When the snapshot was read: the backup's `exportedAt`. */
	at: string;
	/** The accounts and the SMTP row of that moment, for sealing the secrets under a passphrase. */
	accounts: DistributorAccount[];
	smtp: SmtpRow | undefined;
}

/**
 * Reads every table the backup writes in one read-only transaction, so the backup is one point
 * in time: a write that commits while the export runs is either wholly in it or wholly not (the
 * soak found a PO in the backup whose order was not, when each table was read on its own).
 * Only Dexie reads happen inside; the secrets are sealed afterwards from these rows, since
 * crypto inside a Dexie transaction would commit it early.
 */
export async function readSnapshot(
	deps: ApiDeps,
	options: { includeCatalog: boolean }
): Promise<BackupSnapshot> {
	const names = BACKUP_TABLE_NAMES.filter((t) => options.includeCatalog || t !== 'catalogBlocks');
	const tables: BackupSnapshot['tables'] = {};
	await deps.db.transaction(
		'r',
		names.map((name) => deps.db.table(name)),
		async () => {
			for (const name of names)
				tables[name] = (await deps.db.table(name).toArray()) as Record<string, unknown>[];
		}
	);
	const smtpRow = tables.settings?.find((r) => r.key === 'smtp')?.value;
	const smtp = SETTING_ROWS.smtp.safeParse(smtpRow);
	return {
		tables,
		at: deps.now().toISOString(),
		accounts: (tables.distributors ?? []) as DistributorAccount[],
		smtp: smtp.success ? smtp.data : undefined
	};
}
