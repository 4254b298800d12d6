import { z } from 'zod';
import { Credentials, DistributorAccount } from './account';
import { AuditEntry } from './audit';
import { CatalogBlock, FeedImport } from './catalog';
import { Order, OrderItem } from './order';
import { OutboxEmail, Suppression } from './outbox';
import { PoLine, PurchaseOrder, Shipment } from './purchase-order';
import { RuleOverride, Warehouse } from './rules';
import { StorePush } from './storefront';
import { PassphraseSealed } from './sealed';

export const BACKUP_FORMAT = 'dropship-desk-backup';

/** Each table a backup may hold, with the schema its rows must pass before anything is written. */
export const BACKUP_TABLES = {
	orders: Order,
	orderItems: OrderItem,
	purchaseOrders: PurchaseOrder,
	poLines: PoLine,
	shipments: Shipment,
	outbox: OutboxEmail,
	suppressions: Suppression,
	storePushes: StorePush,
	distributors: DistributorAccount,
	warehouses: Warehouse,
	ruleOverrides: RuleOverride,
	brandAliases: z.object({ alias: z.string(), brand: z.string() }),
	feedImports: FeedImport,
	catalogBlocks: CatalogBlock,
	auditLog: AuditEntry,
	settings: z.object({ key: z.string(), value: z.unknown() })
} as const;
export type BackupTable = keyof typeof BACKUP_TABLES;
export const BACKUP_TABLE_NAMES = Object.keys(BACKUP_TABLES) as BackupTable[];

/**
 * Settings that never go into a backup and that a restore leaves alone: machine-local state, not
 * the dealer's data. The device key and the lock must survive a "replace" restore, or every secret
 * sealed here would stop opening at the next start.
 */
export const LOCAL_SETTING_KEYS = new Set([
	'trackingStatus',
	'trackingSinglyCursor',
	'dataLoss',
	'secretKey',
	'secretLock',
	'circuits',
	'lastBackupAt'
]);

export const BackupFile = z.object({
	format: z.literal(BACKUP_FORMAT),
	schemaVersion: z.number().int().positive(),
	exportedAt: z.iso.datetime(),
	hasCatalog: z.boolean(),
	tables: z.record(z.string(), z.array(z.unknown())),
	/** The secrets, only ever encrypted under the passphrase the dealer typed at export. */
	secrets: PassphraseSealed.optional()
});
export type BackupFile = z.infer<typeof BackupFile>;

export interface TableChange {
	table: BackupTable;
	incoming: number;
	added: number;
	changed: number;
	unchanged: number;
}

/** What `BackupFile.secrets` holds once opened: the secret fields per distributor, and SMTP's. */
export const BackupSecrets = z.object({
	distributors: z.record(z.string(), Credentials),
	smtpPassword: z.string().optional()
});
export type BackupSecrets = z.infer<typeof BackupSecrets>;

/** How long a backup counts as recent (reliability.md STOR-5). */
export const BACKUP_REMINDER_DAYS = 7;

/** True when no backup was made in the last seven days (or never). */
export function isBackupDue(lastBackupAt: string | null | undefined, now: Date): boolean {
	if (!lastBackupAt) return true;
	const age = now.getTime() - new Date(lastBackupAt).getTime();
	return !(age < BACKUP_REMINDER_DAYS * 24 * 60 * 60 * 1000);
}
