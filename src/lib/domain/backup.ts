import { z } from 'zod';
import { DistributorAccount } from './account';
import { AuditEntry } from './audit';
import { CatalogBlock, FeedImport } from './catalog';
import { Order, OrderItem } from './order';
import { OutboxEmail } from './outbox';
import { PoLine, PurchaseOrder, Shipment } from './purchase-order';
import { RuleOverride, Warehouse } from './rules';

export const BACKUP_FORMAT = 'dropship-desk-backup';

/** Each table a backup may hold, with the schema its rows must pass before anything is written. */
export const BACKUP_TABLES = {
	orders: Order,
	orderItems: OrderItem,
	purchaseOrders: PurchaseOrder,
	poLines: PoLine,
	shipments: Shipment,
	outbox: OutboxEmail,
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

/** Settings that never go into a backup: machine-local state, not the dealer's data. */
export const LOCAL_SETTING_KEYS = new Set([
	'trackingStatus',
	'secretKey',
	'secretLock',
	'circuits'
]);

export const BackupFile = z.object({
	format: z.literal(BACKUP_FORMAT),
	schemaVersion: z.number().int().positive(),
	exportedAt: z.iso.datetime(),
	hasCatalog: z.boolean(),
	tables: z.record(z.string(), z.array(z.unknown()))
});
export type BackupFile = z.infer<typeof BackupFile>;

export interface TableChange {
	table: BackupTable;
	incoming: number;
	added: number;
	changed: number;
	unchanged: number;
}
