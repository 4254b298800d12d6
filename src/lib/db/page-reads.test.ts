import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
	readDashboard,
	readDashboardDetails,
	readOutboxPage,
	readWaitingItems
} from './page-reads';
import { bigShop, countRecordsRead, DAY, iso, NOW, ORDERS } from '$test-support/db/scale-kit';
import type { DropshipDb } from './schema';

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

	it('gives the newest orders, the count, the waiting orders and the to-do POs, reading a few dozen records of a 3,000-order shop', async () => {
		reads = countRecordsRead();
		const data = await readDashboard(db, { recentCount: 8 });
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
		// 8 recent + 5 waiting + 3 POs + 3 orders, and cursor ends.
		expect(read).toBeLessThan(40);
	});

	it('gives the chart keys, the items of the waiting orders and the units of the newest, reading a few dozen records', async () => {
		reads = countRecordsRead();
		const details = await readDashboardDetails(db, { since: iso(NOW - 3 * DAY), recentCount: 8 });
		const read = reads.count;

		// Ten orders a day: the 31 placed in the last three days (both ends included).
		expect(details.recentCreatedAts).toHaveLength(31);
		expect(details.waitingItems.map((i) => i.orderId).sort()).toEqual([
			'o0',
			'o1',
			'o2',
			'o3',
			'o4'
		]);
		expect(details.itemCounts.get('o7')).toBe(2);
		expect(details.itemCounts.has('o8')).toBe(false);
		// 31 keys + 5 waiting and 8 recent keys + 5 and 8 items, and cursor ends.
		expect(read).toBeLessThan(80);
	});
});

describe('the items that may qualify', () => {
	it('are the items of the waiting orders only, read through the state and orderId indexes', async () => {
		reads = countRecordsRead();
		const items = await readWaitingItems(db);
		expect(items.map((i) => i.id).sort()).toEqual(['o0-1', 'o1-1', 'o2-1', 'o3-1', 'o4-1']);
		expect(reads.count).toBeLessThan(20);
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
