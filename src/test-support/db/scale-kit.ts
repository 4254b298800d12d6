import type { Order, OrderItem } from '$lib/domain/order';
import type { OutboxEmail } from '$lib/domain/outbox';
import type { PurchaseOrder } from '$lib/domain/purchase-order';
import { openDb } from '../../lib/db/db';
import type { DropshipDb } from '../../lib/db/schema';

/** Test helpers for the reads of a large shop (§8 case 30): a record counter and a shop. */

/**
 * Counts the records IndexedDB hands out (getAll results and cursor steps, on stores and indexes).
 * A full-table scan of the shop below reads thousands; an indexed, bounded read a few dozen.
 */
export function countRecordsRead(): { readonly count: number; restore: () => void } {
	const state = { count: 0 };
	const restores: (() => void)[] = [];
	const wrap = <T extends object>(
		proto: T,
		method: keyof T & string,
		onResult: (r: unknown) => void
	) => {
		const original = proto[method] as (...args: unknown[]) => IDBRequest;
		(proto as Record<string, unknown>)[method] = function (this: unknown, ...args: unknown[]) {
			const request = original.apply(this, args);
			request.addEventListener('success', () => onResult(request.result));
			return request;
		};
		restores.push(() => ((proto as Record<string, unknown>)[method] = original));
	};
	for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
		for (const method of ['getAll', 'getAllKeys'] as const)
			wrap(proto, method, (r) => (state.count += Array.isArray(r) ? r.length : 0));
		for (const method of ['openCursor', 'openKeyCursor'] as const)
			wrap(proto, method, (r) => (state.count += r ? 1 : 0));
	}
	return {
		get count() {
			return state.count;
		},
		restore: () => restores.forEach((r) => r())
	};
}

export const NOW = Date.parse('2026-11-24T15:00:00.000Z');
export const DAY = 86_400_000;
export const ORDERS = 3000;
export const iso = (ms: number) => new Date(ms).toISOString();
const shipTo = {
	name: 'Cody',
	line1: '1 Main',
	city: 'Madison',
	state: 'WI',
	postalCode: '53703',
	country: 'US' as const
};

/** A shop of 3,000 orders over 300 days: the newest 5 waiting, 3 POs with to-dos, the rest done. */
export async function bigShop(): Promise<DropshipDb> {
	const db = openDb(`page-reads-${Math.random()}`);
	const orders: Order[] = [];
	const items: OrderItem[] = [];
	const pos: PurchaseOrder[] = [];
	const emails: OutboxEmail[] = [];
	for (let i = 0; i < ORDERS; i++) {
		const id = `o${i}`;
		const createdAt = iso(NOW - i * (DAY / 10));
		orders.push({
			id,
			number: String(1000 + i),
			createdAt,
			buyer: { name: `Buyer ${i}`, email: `b${i}@example.com` },
			shipTo,
			totalCents: 100,
			state: i < 5 ? 'new' : 'done',
			source: 'csv'
		});
		items.push({
			id: `${id}-1`,
			orderId: id,
			lineNo: 1,
			title: 'Pads',
			sku: 'PU1',
			quantity: 2,
			unitPriceCents: 50
		});
		if (i < 5) continue;
		const trouble: Partial<PurchaseOrder> =
			i === 5
				? { state: 'failed', shipState: 'awaiting' }
				: i === 6
					? { shipState: 'backordered' }
					: i === 7
						? { shipState: 'awaiting', createdAt: iso(NOW - 10 * DAY) }
						: {};
		pos.push({
			id: `po${i}`,
			poNumber: `RL${i}`,
			orderId: id,
			distributorId: i % 2 === 0 ? 'wps' : 'pu',
			isManual: false,
			state: 'confirmed',
			shipState: 'shipped',
			distributorRefs: [],
			shipTo,
			shippingMethod: 'ground',
			leadTimeDays: 2,
			costCents: 80,
			createdAt,
			updatedAt: createdAt,
			history: [],
			...trouble
		});
		emails.push({
			id: `m${i}`,
			dedupeKey: `${id}:1Z${i}`,
			orderId: id,
			to: `b${i}@example.com`,
			subject: `Order ${1000 + i} is on the way`,
			text: 'On the way',
			html: '<p>On the way</p>',
			state: 'sent',
			attempts: 1,
			createdAt
		});
	}
	await db.orders.bulkAdd(orders);
	await db.orderItems.bulkAdd(items);
	await db.purchaseOrders.bulkAdd(pos);
	await db.outbox.bulkAdd(emails);
	return db;
}
