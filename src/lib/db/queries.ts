import { liveQuery, type Observable } from 'dexie';
import type { DistributorAccount } from '$lib/domain/account';
import type { AuditEntry } from '$lib/domain/audit';
import type { FeedImport } from '$lib/domain/catalog';
import type { DistributorId } from '$lib/domain/distributor';
import type { Order, OrderItem } from '$lib/domain/order';
import type { OrderFilter } from '$lib/domain/order-filter';
import type { PoFilter } from '$lib/domain/po-filter';
import type { PoLine, PurchaseOrder, Shipment } from '$lib/domain/purchase-order';
import type { RuleOverride, Warehouse } from '$lib/domain/rules';
import { DEFAULT_SETTINGS, type AppSettings } from '$lib/domain/settings';
import type { SetupFacts } from '$lib/domain/setup';
import { StoreConnection, SyncState, type StorePush } from '$lib/domain/storefront';
import { DATABASE_NAMES, type Workspace } from '$lib/domain/workspace';
import { openDb } from './db';
import { readOrderList, type OrderList } from './order-list';
import { readPoList, type PoList } from './po-list';
import {
	readDashboard,
	readDashboardDetails,
	readOutboxPage,
	readWaitingItems,
	type DashboardData,
	type DashboardDetails,
	type OutboxPage
} from './page-reads';
import type { BrandAlias, DropshipDb } from './schema';
import { readSetting } from './setting-rows';
import type { SettingValue } from '$lib/domain/setting-rows';

export type { DashboardData, DashboardDetails, OrderList, OutboxPage, PoList };

/**
 * The page's read side. Every query is a Dexie `liveQuery`: it re-runs when the worker writes, and
 * works as a Svelte store (`$query`). Nothing here writes.
 */
let db: DropshipDb | null = null;
let workspace: Workspace = 'demo';

/**
 * Says which database the page reads: the one the worker was told to open (start.ts). Called by
 * the app frame before any query runs; a page never reads one database while the worker writes
 * the other.
 */
export function useWorkspace(next: Workspace): void {
	if (db && next !== workspace) db.close();
	if (next !== workspace) db = null;
	workspace = next;
}

/** The page's own connection to the database the worker writes. Tests may swap it. */
export function readDb(): DropshipDb {
	db ??= openDb(DATABASE_NAMES[workspace]);
	return db;
}

export const settingsQuery = (): Observable<AppSettings> =>
	liveQuery(async () => ({
		...DEFAULT_SETTINGS,
		...(await readSetting(readDb(), 'app'))
	}));

export const orderQuery = (id: string): Observable<Order | undefined> =>
	liveQuery(() => readDb().orders.get(id));

export const orderItemsQuery = (orderId: string): Observable<OrderItem[]> =>
	liveQuery(() => readDb().orderItems.where('orderId').equals(orderId).sortBy('lineNo'));

/** Items of the orders still to be sent on: the ones that may qualify for drop-ship. */
export const waitingItemsQuery = (): Observable<OrderItem[]> =>
	liveQuery(() => readWaitingItems(readDb()));

/** A page of the Orders list as filtered, read through indexes (order-list.ts). */
export const orderListQuery = (input: {
	filter: OrderFilter;
	limit: number;
	qualifyingOrderIds?: readonly string[];
}): Observable<OrderList> => liveQuery(() => readOrderList(readDb(), input));

/** A page of the Purchase orders list as filtered, read through indexes (po-list.ts). */
export const poListQuery = (input: { filter: PoFilter; limit: number }): Observable<PoList> =>
	liveQuery(() => readPoList(readDb(), input));

/** Every PO that passes `filter`, newest first, with their orders: the list's CSV export. */
export const purchaseOrdersForExport = (filter: PoFilter): Promise<PoList> =>
	readPoList(readDb(), { filter, limit: Infinity });

export const purchaseOrderQuery = (id: string): Observable<PurchaseOrder | undefined> =>
	liveQuery(() => readDb().purchaseOrders.get(id));

export const purchaseOrdersOfOrderQuery = (orderId: string): Observable<PurchaseOrder[]> =>
	liveQuery(() => readDb().purchaseOrders.where('orderId').equals(orderId).toArray());

export const poLinesQuery = (poId: string): Observable<PoLine[]> =>
	liveQuery(() => readDb().poLines.where('poId').equals(poId).sortBy('lineNo'));

/** The PO lines of one order's purchase orders: which of its items went on which PO. */
export const poLinesOfOrderQuery = (orderId: string): Observable<PoLine[]> =>
	liveQuery(async () => {
		const poIds = await readDb().purchaseOrders.where('orderId').equals(orderId).primaryKeys();
		return readDb().poLines.where('poId').anyOf(poIds).toArray();
	});

/** The shipments of one order's purchase orders. */
export const shipmentsOfOrderQuery = (orderId: string): Observable<Shipment[]> =>
	liveQuery(async () => {
		const poIds = await readDb().purchaseOrders.where('orderId').equals(orderId).primaryKeys();
		return readDb().shipments.where('poId').anyOf(poIds).toArray();
	});

export const shipmentsQuery = (poId: string): Observable<Shipment[]> =>
	liveQuery(() => readDb().shipments.where('poId').equals(poId).toArray());

export const accountsQuery = (): Observable<DistributorAccount[]> =>
	liveQuery(() => readDb().distributors.toArray());

export const warehousesQuery = (): Observable<Warehouse[]> =>
	liveQuery(() => readDb().warehouses.toArray());

export const ruleOverridesQuery = (): Observable<RuleOverride[]> =>
	liveQuery(() => readDb().ruleOverrides.toArray());

/** Each distributor's current feed (the complete import), newest first. */
export const feedsQuery = (): Observable<FeedImport[]> =>
	liveQuery(() =>
		readDb().feedImports.where('state').equals('complete').reverse().sortBy('startedAt')
	);

/** Whether "Drop-ship everything" can be undone (the worker keeps the replaced rules). */
export const rulesUndoQuery = (): Observable<boolean> =>
	liveQuery(async () => (await readSetting(readDb(), 'rulesUndo')) !== undefined);

export const brandAliasesQuery = (): Observable<BrandAlias[]> =>
	liveQuery(() => readDb().brandAliases.orderBy('alias').toArray());

/** One settings row (SMTP settings, email templates, the last tracking round…), typed. */
export const settingRowQuery = <
	K extends 'smtp' | 'emailTemplates' | 'trackingStatus' | 'dataLoss' | 'feedFetches'
>(
	key: K
): Observable<SettingValue<K> | undefined> => liveQuery(() => readSetting(readDb(), key));

/** When this browser last exported a backup (ISO), or null when it never did. */
export const lastBackupQuery = (): Observable<string | null> =>
	liveQuery(async () => {
		return (await readSetting(readDb(), 'lastBackupAt')) ?? null;
	});

/** The newest `limit` shipment emails and how many there are (Settings › Email). */
export const outboxPageQuery = (limit: number): Observable<OutboxPage> =>
	liveQuery(() => readOutboxPage(readDb(), limit));

/** What the dashboard shows first, read through indexes (page-reads.ts). */
export const dashboardQuery = (input: { recentCount: number }): Observable<DashboardData> =>
	liveQuery(() => readDashboard(readDb(), input));

/** The dashboard's chart, item counts and items that may qualify, filled in after. */
export const dashboardDetailsQuery = (input: {
	since: string;
	recentCount: number;
}): Observable<DashboardDetails> => liveQuery(() => readDashboardDetails(readDb(), input));

/** What the setup checklist is computed from (domain/setup.ts), read from the open database. */
export const setupFactsQuery = (): Observable<SetupFacts> =>
	liveQuery(async () => {
		const db = readDb();
		const [app, accounts, feeds, orderCount, smtp] = await Promise.all([
			db.settings.get('app'),
			db.distributors.toArray(),
			db.feedImports.where('state').equals('complete').toArray(),
			db.orders.count(),
			db.settings.get('smtp')
		]);
		const settings = app?.value as Partial<AppSettings> | undefined;
		return {
			isProfileSaved: settings?.profileSavedAt !== undefined,
			enabledDistributors: accounts.filter((a) => a.isEnabled).map((a) => a.id),
			feedDistributors: feeds.map((f) => f.distributorId),
			orderCount,
			hasMailServer: smtp !== undefined
		};
	});

/** Operations that ask about every open PO of a distributor at once (tracking's bulk forms). */
export const BULK_STATUS_OPERATIONS: ReadonlySet<string> = new Set([
	'listOrders',
	'getOrderStatuses'
]);

/**
 * The latest bulk status calls to a distributor since `since`: they carry no single PO number,
 * so a PO's page shows them beside its own calls. Walks the distributor's index newest first and
 * stops at `limit` matches.
 */
export const bulkStatusCallsQuery = (
	distributorId: DistributorId,
	since: string,
	limit = 5
): Observable<AuditEntry[]> =>
	liveQuery(() =>
		readDb()
			.auditLog.where('distributorId')
			.equals(distributorId)
			.reverse()
			.filter((e) => BULK_STATUS_OPERATIONS.has(e.operation) && e.at >= since)
			.limit(limit)
			.toArray()
	);

export const auditQuery = (
	filter: { poNumber?: string; distributorId?: DistributorId } = {}
): Observable<AuditEntry[]> =>
	liveQuery(async () => {
		const table = readDb().auditLog;
		if (filter.poNumber)
			return table.where('poNumber').equals(filter.poNumber).reverse().sortBy('at');
		if (filter.distributorId)
			return table
				.where('distributorId')
				.equals(filter.distributorId)
				.reverse()
				.limit(200)
				.toArray();
		return table.orderBy('seq').reverse().limit(200).toArray();
	});

/** The connected web store (secrets as hints only) and its last sync; nulls when none. */
export const storefrontQuery = (): Observable<{
	connection: StoreConnection | null;
	sync: SyncState | null;
}> =>
	liveQuery(async () => {
		const [connection, sync] = await Promise.all([
			readDb().settings.get('storefront'),
			readDb().settings.get('storefrontSync')
		]);
		const parsedConnection = StoreConnection.safeParse(connection?.value);
		const parsedSync = SyncState.safeParse(sync?.value);
		return {
			connection: parsedConnection.success ? parsedConnection.data : null,
			sync: parsedSync.success ? parsedSync.data : null
		};
	});

/** What the store was told about an order's shipments, oldest first. */
export const storePushesQuery = (orderId: string): Observable<StorePush[]> =>
	liveQuery(() => readDb().storePushes.where('orderId').equals(orderId).sortBy('createdAt'));
