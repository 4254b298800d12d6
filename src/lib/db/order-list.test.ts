import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '$lib/domain/order';
import {
	distributorsByOrder,
	EMPTY_ORDER_FILTER,
	filterOrders,
	type OrderFilter
} from '$lib/domain/order-filter';
import { readOrderList } from './order-list';
import { bigShop, countRecordsRead, DAY, iso, NOW, ORDERS } from '$test-support/db/scale-kit';
import type { DropshipDb } from './schema';

let db: DropshipDb;
let everyOrder: Order[];
let reads: ReturnType<typeof countRecordsRead> | null = null;
beforeAll(async () => {
	db = await bigShop();
	everyOrder = await db.orders.orderBy('createdAt').reverse().toArray();
});
afterEach(() => reads?.restore());

/** What the page showed before it read through indexes: every order, filtered in memory. */
async function reference(filter: OrderFilter, qualifying: string[] = []): Promise<string[]> {
	const distributorsOf = distributorsByOrder(await db.purchaseOrders.toArray());
	return filterOrders(
		everyOrder,
		filter,
		(id) => distributorsOf.get(id),
		(id) => qualifying.includes(id)
	).map((o) => o.id);
}

const localDay = (ms: number) => {
	const d = new Date(ms);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('the Orders list reads through indexes (§8 case 30)', () => {
	it('unfiltered: the newest page and the count, reading about one page of 3,000 orders', async () => {
		reads = countRecordsRead();
		const list = await readOrderList(db, { filter: EMPTY_ORDER_FILTER, limit: 100 });
		const read = reads.count;
		expect(list.total).toBe(ORDERS);
		expect(list.matching).toBe(ORDERS);
		expect(list.orders.map((o) => o.id)).toEqual(everyOrder.slice(0, 100).map((o) => o.id));
		expect(list.itemCounts.size).toBe(100);
		expect(list.itemCounts.get('o99')).toBe(2);
		// 100 orders, then 100 items found by cursor jumps (about two steps each): far from 3,000.
		expect(read).toBeLessThan(400);
	});

	it('by state: the state index gives the candidates', async () => {
		const filter = { ...EMPTY_ORDER_FILTER, state: 'new' as const };
		reads = countRecordsRead();
		const list = await readOrderList(db, { filter, limit: 100 });
		expect(reads.count).toBeLessThan(30);
		expect(list.matching).toBe(5);
		expect(list.orders.map((o) => o.id)).toEqual(await reference(filter));
	});

	it('by date: the createdAt index gives the days asked and a day either side', async () => {
		const filter = {
			...EMPTY_ORDER_FILTER,
			from: localDay(NOW - 20 * DAY),
			to: localDay(NOW - 19 * DAY)
		};
		reads = countRecordsRead();
		const list = await readOrderList(db, { filter, limit: 100 });
		expect(reads.count).toBeLessThan(120);
		expect(list.matching).toBe(20);
		expect(list.orders.map((o) => o.id)).toEqual(await reference(filter));
		expect(list.orders.every((o) => o.createdAt < iso(NOW - 18 * DAY))).toBe(true);
	});

	it('qualifying: only the qualifying orders are read', async () => {
		const filter = { ...EMPTY_ORDER_FILTER, qualify: '1' as const };
		reads = countRecordsRead();
		const list = await readOrderList(db, { filter, limit: 100, qualifyingOrderIds: ['o3', 'o1'] });
		expect(reads.count).toBeLessThan(10);
		expect(list.orders.map((o) => o.id)).toEqual(['o1', 'o3']);
	});

	it('by distributor, by text and combined: the same orders as filtering every order', async () => {
		const filters: OrderFilter[] = [
			{ ...EMPTY_ORDER_FILTER, distributor: 'wps' },
			{ ...EMPTY_ORDER_FILTER, q: 'buyer 12' },
			{ ...EMPTY_ORDER_FILTER, q: '10', state: 'done', distributor: 'pu' },
			{ ...EMPTY_ORDER_FILTER, state: 'done', from: localDay(NOW - 40 * DAY) }
		];
		for (const filter of filters) {
			const list = await readOrderList(db, { filter, limit: 50 });
			const expected = await reference(filter);
			expect(list.matching, JSON.stringify(filter)).toBe(expected.length);
			expect(list.orders.map((o) => o.id)).toEqual(expected.slice(0, 50));
		}
	});
});
