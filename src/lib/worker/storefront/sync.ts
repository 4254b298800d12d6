import { orderTotalCents, type Order, type OrderItem } from '$lib/domain/order';
import { ok, type Result } from '$lib/domain/result';
import {
	STOREFRONT_NAMES,
	type StoreOrderRef,
	type StorefrontId,
	type SyncState,
	type SyncStatus
} from '$lib/domain/storefront';
import type { StoreOrder, SyncCursor } from '$lib/storefronts/types';
import type { ApiDeps } from '../core/deps';
import { mergeStoreState, stopPurchaseOrders } from '../orders/store-import';
import { refreshOrderState } from '../purchase-orders/records';
import { SYNC_ROW, readSyncState, storefrontFor } from './connection';
import { decideStoreOrder } from './decide';
import { adoptStoreLineIds } from './line-ids';

/** A first sync looks this far back. */
export const FIRST_SYNC_DAYS = 7;
/** Each sync starts this long before the newest change seen: updated_at does not move for every change [S7]. */
export const OVERLAP_MS = 10 * 60_000;

interface Counts {
	newOrders: number;
	updated: number;
	flagged: number;
}

function refOf(storefrontId: StorefrontId, incoming: StoreOrder, flag?: string): StoreOrderRef {
	return {
		storefrontId,
		orderId: incoming.storeOrderId,
		url: incoming.adminUrl,
		updatedAt: incoming.updatedAt,
		...(flag ? { flag } : {})
	};
}

function itemsOf(orderId: string, incoming: StoreOrder): OrderItem[] {
	return incoming.items.map((item, index) => ({
		id: `${orderId}-${index + 1}`,
		orderId,
		lineNo: index + 1,
		title: item.title,
		sku: item.sku,
		...(item.brand ? { brand: item.brand } : {}),
		quantity: item.quantity,
		unitPriceCents: item.unitPriceCents,
		storeLineId: item.storeLineId
	}));
}

/** Applies one page in one transaction; returns what changed. */
async function applyPage(
	deps: ApiDeps,
	storefrontId: StorefrontId,
	orders: readonly StoreOrder[]
): Promise<Counts> {
	const db = deps.db;
	const counts: Counts = { newOrders: 0, updated: 0, flagged: 0 };
	await deps.writes.run(() =>
		db.transaction('rw', [db.orders, db.orderItems, db.purchaseOrders, db.poLines], async () => {
			// One read for the page's known orders, one bulk write for its new ones: a first sync of
			// hundreds of orders is a few requests to IndexedDB per page, not five per order.
			const known = new Map(
				(
					await db.orders
						.where('number')
						.anyOf(orders.map((o) => o.number))
						.toArray()
				).map((o) => [o.number, o])
			);
			const newOrders: Order[] = [];
			const newItems: OrderItem[] = [];
			for (const incoming of orders) {
				const order = known.get(incoming.number);
				const existing = order
					? {
							order,
							items: await db.orderItems.where('orderId').equals(order.id).toArray(),
							hasPo: (await db.purchaseOrders.where('orderId').equals(order.id).count()) > 0
						}
					: null;
				const decision = decideStoreOrder(storefrontId, incoming, existing);
				switch (decision.kind) {
					case 'insert': {
						// The same number twice on one page (an edit while paging) is one order.
						if (newOrders.some((o) => o.number === incoming.number)) break;
						const id = deps.newId();
						const items = itemsOf(id, incoming);
						newOrders.push({
							id,
							number: incoming.number,
							createdAt: incoming.createdAt,
							buyer: incoming.buyer,
							shipTo: incoming.shipTo,
							totalCents: orderTotalCents(items),
							state: 'new',
							source: storefrontId,
							storeState: incoming.storeState,
							store: refOf(storefrontId, incoming)
						});
						newItems.push(...items);
						counts.newOrders += 1;
						break;
					}
					case 'refresh':
						if (order) {
							await db.orders.update(order.id, {
								storeState: mergeStoreState(order.storeState, incoming.storeState),
								store: refOf(storefrontId, incoming, order.store?.flag)
							});
							await adoptStoreLineIds(db, order.id, incoming);
						}
						break;
					case 'replace': {
						if (!order) break;
						const items = itemsOf(order.id, incoming);
						await db.orderItems.where('orderId').equals(order.id).delete();
						await db.orderItems.bulkAdd(items);
						await db.orders.update(order.id, {
							buyer: incoming.buyer,
							shipTo: incoming.shipTo,
							totalCents: orderTotalCents(items),
							storeState: mergeStoreState(order.storeState, incoming.storeState),
							store: refOf(storefrontId, incoming)
						});
						counts.updated += 1;
						break;
					}
					case 'flag':
						if (order) {
							await db.orders.update(order.id, {
								storeState: mergeStoreState(order.storeState, incoming.storeState),
								store: refOf(storefrontId, incoming, decision.note)
							});
							await adoptStoreLineIds(db, order.id, incoming);
						}
						counts.flagged += 1;
						break;
					case 'cancel': {
						if (!order) break;
						// The same rule as a CSV re-import that says cancelled (orders/store-import.ts): a
						// waiting PO is cancelled unsent, a placed one asks the dealer on the dashboard.
						const storeState = mergeStoreState(order.storeState, incoming.storeState);
						await db.orders.update(order.id, {
							storeState,
							store: refOf(storefrontId, incoming, decision.note)
						});
						await stopPurchaseOrders(db, { ...order, storeState }, deps.now());
						await refreshOrderState(db, order.id);
						counts.flagged += 1;
						break;
					}
					case 'ignore':
					case 'unchanged':
						break;
				}
			}
			await db.orders.bulkAdd(newOrders);
			await db.orderItems.bulkAdd(newItems);
		})
	);
	return counts;
}

async function saveState(deps: ApiDeps, state: SyncState): Promise<void> {
	await deps.writes.run(() => deps.db.settings.put({ key: SYNC_ROW, value: state }));
}

const later = (a: string | undefined, b: string) => (a && a > b ? a : b);

/**
 * Pulls every order changed in the store since the last sync, page by page, saving where it
 * stands after each page: a 429 or THROTTLED midway ends this sync with what it stored, and the
 * next one resumes at the page that failed. Returns the sync in words; the store's failure (in
 * the dealer's words) when the first page or a later one fails, with the status saved either way.
 */
export async function syncStore(deps: ApiDeps): Promise<Result<SyncStatus>> {
	const built = await storefrontFor(deps);
	if (!built.ok) return built;
	const { adapter, connection } = built.value;
	const storefrontId = connection.storefrontId;
	const saved = await readSyncState(deps);
	const state = saved?.storefrontId === storefrontId ? saved : null;
	const firstSince = new Date(deps.now().getTime() - FIRST_SYNC_DAYS * 86_400_000).toISOString();
	let cursor: SyncCursor = {
		since: state?.since ?? firstSince,
		...(state?.page ? { page: state.page } : {})
	};
	let highWater = state?.highWater;
	const counts: Counts = { newOrders: 0, updated: 0, flagged: 0 };
	const problems: string[] = [];
	const status = (isOk: boolean, message: string): SyncStatus => ({
		at: deps.now().toISOString(),
		ok: isOk,
		...counts,
		message,
		problems
	});
	for (;;) {
		const page = await adapter.listOrdersSince(cursor);
		if (!page.ok) {
			const last = status(false, page.error.message);
			await saveState(deps, { storefrontId, ...cursor, ...(highWater ? { highWater } : {}), last });
			return page;
		}
		const applied = await applyPage(deps, storefrontId, page.value.orders);
		counts.newOrders += applied.newOrders;
		counts.updated += applied.updated;
		counts.flagged += applied.flagged;
		problems.push(...page.value.problems);
		for (const order of page.value.orders) highWater = later(highWater, order.updatedAt);
		if (!page.value.next) {
			const since = highWater
				? new Date(
						Math.max(Date.parse(highWater) - OVERLAP_MS, Date.parse(cursor.since))
					).toISOString()
				: cursor.since;
			const last = status(true, `${STOREFRONT_NAMES[storefrontId]} synced.`);
			await saveState(deps, { storefrontId, since, last });
			return ok(last);
		}
		cursor = page.value.next;
		await saveState(deps, {
			storefrontId,
			...cursor,
			...(highWater ? { highWater } : {}),
			last: state?.last
		});
	}
}
