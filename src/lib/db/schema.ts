import Dexie, { type EntityTable } from 'dexie';
import type { DistributorAccount } from '$lib/domain/account';
import type { AuditEntry } from '$lib/domain/audit';
import type { CatalogBlock, FeedImport } from '$lib/domain/catalog';
import type { Order, OrderItem } from '$lib/domain/order';
import type { OutboxEmail, Suppression } from '$lib/domain/outbox';
import type { StorePush } from '$lib/domain/storefront';
import type { PoLine, PurchaseOrder, Shipment } from '$lib/domain/purchase-order';
import type { RuleOverride, Warehouse } from '$lib/domain/rules';
import { DATABASE_NAMES } from '$lib/domain/workspace';

export interface SettingRow {
	key: string;
	value: unknown;
}

export interface BrandAlias {
	/** The normalised alias ("FLY"), mapped to the canonical brand ("FLY RACING"). */
	alias: string;
	brand: string;
}

export interface SimulatorStateRow {
	key: string;
	value: unknown;
}

/**
 * Every table the product needs. Versions are append-only: a released `version(n)` block is never
 * edited; a change is a new version with an `upgrade` that keeps the data, and a test that opens
 * the previous version, writes rows, opens the new one and reads them back (schema.test.ts).
 */
export type DropshipDb = Dexie & {
	distributors: EntityTable<DistributorAccount, 'id'>;
	warehouses: EntityTable<Warehouse, 'id'>;
	ruleOverrides: EntityTable<RuleOverride, 'id'>;
	brandAliases: EntityTable<BrandAlias, 'alias'>;
	catalogBlocks: EntityTable<CatalogBlock, 'importId'>;
	feedImports: EntityTable<FeedImport, 'id'>;
	orders: EntityTable<Order, 'id'>;
	orderItems: EntityTable<OrderItem, 'id'>;
	purchaseOrders: EntityTable<PurchaseOrder, 'id'>;
	poLines: EntityTable<PoLine, 'id'>;
	shipments: EntityTable<Shipment, 'id'>;
	outbox: EntityTable<OutboxEmail, 'id'>;
	suppressions: EntityTable<Suppression, 'address'>;
	storePushes: EntityTable<StorePush, 'id'>;
	auditLog: EntityTable<AuditEntry, 'seq'>;
	settings: EntityTable<SettingRow, 'key'>;
	simulatorState: EntityTable<SimulatorStateRow, 'key'>;
};

/** The demo's database (see DATABASE_NAMES for the shop's). */
export const DB_NAME = DATABASE_NAMES.demo;

/** Version 1: the foundation. */
export const SCHEMA_V1 = {
	distributors: 'id',
	warehouses: 'id, distributorId',
	ruleOverrides: 'id, kind, key',
	brandAliases: 'alias, brand',
	catalogBlocks: '[importId+blockNo], importId',
	feedImports: 'id, distributorId, state, startedAt',
	orders: 'id, &number, createdAt, state, buyer.email',
	orderItems: 'id, orderId, sku',
	purchaseOrders: 'id, &poNumber, orderId, distributorId, state, shipState, createdAt',
	poLines: 'id, poId, orderItemId',
	shipments: 'id, poId, *trackingNumbers',
	outbox: 'id, &dedupeKey, state, createdAt, orderId',
	auditLog: '++seq, at, distributorId, poNumber',
	settings: 'key',
	simulatorState: 'key'
} as const;

/**
 * Version 2: tracking refresh reads the open POs of one distributor at a time, so purchase orders
 * get a [distributorId+shipState] index. POs written before shipState existed get 'awaiting'.
 */
export const SCHEMA_V2 = {
	...SCHEMA_V1,
	purchaseOrders:
		'id, &poNumber, orderId, distributorId, state, shipState, createdAt, [distributorId+shipState]'
} as const;

/** Version 3: addresses that bounced permanently, so nothing is mailed to them again. */
export const SCHEMA_V3 = {
	...SCHEMA_V2,
	suppressions: 'address'
} as const;

/**
 * Version 4: a feed replacement reads one distributor's complete import
 * (`where({ distributorId, state })`); without a compound index Dexie warns on every start and
 * walks one of the two single indexes. An index only: nothing to migrate.
 */
export const SCHEMA_V4 = {
	...SCHEMA_V3,
	feedImports: 'id, distributorId, state, startedAt, [distributorId+state]'
} as const;

/**
 * Version 5: shipments to tell the dealer's web store about, one per shipment (`&shipmentId`),
 * queued and retried like the outbox. Orders from a store keep their store reference on the row;
 * the unique order number is already the key a re-sync or re-import meets.
 */
export const SCHEMA_V5 = {
	...SCHEMA_V4,
	storePushes: 'id, &shipmentId, state, orderId'
} as const;

/** Every released version, oldest first; `upToVersion` lets the upgrade tests open an old one. */
export function declareVersions(db: Dexie, upToVersion = Infinity): void {
	db.version(1).stores(SCHEMA_V1);
	if (upToVersion < 2) return;
	db.version(2)
		.stores(SCHEMA_V2)
		.upgrade(async (tx) => {
			await tx
				.table('purchaseOrders')
				.toCollection()
				.modify((po: { shipState?: string }) => {
					po.shipState ??= 'awaiting';
				});
		});
	if (upToVersion < 3) return;
	// A new table only: nothing to migrate.
	db.version(3).stores(SCHEMA_V3);
	if (upToVersion < 4) return;
	db.version(4).stores(SCHEMA_V4);
	if (upToVersion < 5) return;
	// A new table only: nothing to migrate.
	db.version(5).stores(SCHEMA_V5);
}

export const CURRENT_VERSION = 5;
