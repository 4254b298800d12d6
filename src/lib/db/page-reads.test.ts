import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Order, OrderItem } from '$lib/domain/order';
import type { OutboxEmail } from '$lib/domain/outbox';
import type { PurchaseOrder } from '$lib/domain/purchase-order';
import { openDb } from './db';
import { readDashboard, readOutboxPage } from './page-reads';
import type { DropshipDb } from './schema';

/**
 * Counts the records IndexedDB hands out (getAll results and cursor steps, on stores and indexes).
 * A full-table scan of the shop below reads thousands; an indexed, bounded read a few dozen.
 */
function countRecordsRead(): { readonly count: number; restore: () => void } {
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

const NOW = Date.parse('2026-11-24T15:00:00.000Z');
const DAY = 86_400_000;
const ORDERS = 3000;
const iso = (ms: number) => new Date(ms).toISOString();
const shipTo = {
	name: 'Cody',
	line1: '1 Main',
	city: 'Madison',
	state: 'WI',
	postalCode: '53703',
	country: 'US' as const
};

/** A shop of 3,000 orders over 300 days: the newest 5 waiting, 3 POs with to-dos, the rest done. */
async function bigShop(): Promise<DropshipDb> {
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
			distributorId: 'pu',
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

let db: DropshipDb;
let reads: ReturnType<typeof countRecordsRead> | null = null;
beforeAll(async () => {
	db = await bigShop();
});
afterEach(() => reads?.restore());

describe('the dashboard reads through indexes (§8 case 30)', () => {
	it('the counter sees a full scan, through the table or through an index', async () => {
		reads = countRecordsRead();
		await db.orders.toArray();
		expect(reads.count).toBe(ORDERS);
		await db.orders.orderBy('createdAt').reverse().toArray();
		expect(reads.count).toBeGreaterThanOrEqual(2 * ORDERS);
	});

	it('gives the newest orders, the counts, the chart keys and the to-do POs, reading a few dozen records of a 3,000-order shop', async () => {
		reads = countRecordsRead();
		const data = await readDashboard(db, { since: iso(NOW - 3 * DAY), recentCount: 8 });
		const read = reads.count;

		expect(data.recent.map((o) => o.number)).toEqual([
			'1000',
			'1001',
			'1002',
			'1003',
			'1004',
			'1005',
			'1006',
			'1007'
		]);
		expect(data.orderCount).toBe(ORDERS);
		// Ten orders a day: the 31 placed in the last three days (both ends included).
		expect(data.recentCreatedAts).toHaveLength(31);
		expect(data.todoPos.map((p) => p.id).sort()).toEqual(['po5', 'po6', 'po7']);
		expect(data.orders.map((o) => o.id).sort()).toEqual([
			'o0',
			'o1',
			'o2',
			'o3',
			'o4',
			'o5',
			'o6',
			'o7'
		]);
		expect(data.waitingItems.map((i) => i.orderId).sort()).toEqual(['o0', 'o1', 'o2', 'o3', 'o4']);
		expect(data.itemCounts.get('o7')).toBe(2);
		expect(data.itemCounts.has('o8')).toBe(false);
		// 8 recent + 31 keys + 5 waiting + 3 POs + 3 orders + 5 and 8 items, and cursor ends.
		expect(read).toBeLessThan(100);
	});
});

describe('the outbox reads a page through the createdAt index', () => {
	it('gives the newest emails first and the total, reading about one page of 2,995 emails', async () => {
		reads = countRecordsRead();
		const page = await readOutboxPage(db, 50);
		expect(page.total).toBe(ORDERS - 5);
		expect(page.emails).toHaveLength(50);
		expect(page.emails[0]?.id).toBe('m5');
		expect(page.emails.map((e) => e.createdAt)).toEqual(
			page.emails
				.map((e) => e.createdAt)
				.sort()
				.reverse()
		);
		expect(reads.count).toBeLessThanOrEqual(52);
	});

	it('a longer page is the shorter one and more', async () => {
		const short = await readOutboxPage(db, 10);
		const long = await readOutboxPage(db, 20);
		expect(long.emails.slice(0, 10)).toEqual(short.emails);
	});
});
