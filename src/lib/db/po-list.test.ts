import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PurchaseOrder } from '$lib/domain/purchase-order';
import { EMPTY_PO_FILTER, filterPurchaseOrders, type PoFilter } from '$lib/domain/po-filter';
import { readPoList } from './po-list';
import { bigShop, countRecordsRead, DAY, NOW, ORDERS } from '$test-support/db/scale-kit';
import type { DropshipDb } from './schema';

let db: DropshipDb;
let everyPo: PurchaseOrder[];
let reads: ReturnType<typeof countRecordsRead> | null = null;
beforeAll(async () => {
	db = await bigShop();
	everyPo = await db.purchaseOrders.orderBy('createdAt').reverse().toArray();
});
afterEach(() => reads?.restore());

/** What the page showed before it read through indexes: every PO, filtered in memory. */
async function reference(filter: PoFilter): Promise<string[]> {
	const orders = new Map((await db.orders.toArray()).map((o) => [o.id, o]));
	return filterPurchaseOrders(everyPo, filter, (id) => orders.get(id)).map((p) => p.id);
}

const localDay = (ms: number) => {
	const d = new Date(ms);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('the Purchase orders list reads through indexes (§8 case 30)', () => {
	it('unfiltered: the newest page, its orders and the count, reading about one page', async () => {
		reads = countRecordsRead();
		const list = await readPoList(db, { filter: EMPTY_PO_FILTER, limit: 100 });
		const read = reads.count;
		expect(list.total).toBe(ORDERS - 5);
		expect(list.matching).toBe(ORDERS - 5);
		expect(list.purchaseOrders.map((p) => p.id)).toEqual(everyPo.slice(0, 100).map((p) => p.id));
		expect([...list.orders.keys()].sort()).toEqual(
			list.purchaseOrders.map((p) => p.orderId).sort()
		);
		expect(read).toBeLessThan(250);
	});

	it('by ship state and distributor: the compound index gives exactly the candidates', async () => {
		const filter = {
			...EMPTY_PO_FILTER,
			ship: 'backordered' as const,
			distributor: 'wps' as const
		};
		reads = countRecordsRead();
		const list = await readPoList(db, { filter, limit: 100 });
		expect(reads.count).toBeLessThan(10);
		expect(list.purchaseOrders.map((p) => p.id)).toEqual(['po6']);
	});

	it('by date, distributor, text and combined: the same POs as filtering every PO', async () => {
		const filters: PoFilter[] = [
			{ ...EMPTY_PO_FILTER, from: localDay(NOW - 20 * DAY), to: localDay(NOW - 19 * DAY) },
			{ ...EMPTY_PO_FILTER, distributor: 'pu' },
			{ ...EMPTY_PO_FILTER, ship: 'awaiting' },
			{ ...EMPTY_PO_FILTER, q: '1012' },
			{ ...EMPTY_PO_FILTER, q: 'rl10', distributor: 'wps', from: localDay(NOW - 100 * DAY) }
		];
		for (const filter of filters) {
			const list = await readPoList(db, { filter, limit: 50 });
			const expected = await reference(filter);
			expect(list.matching, JSON.stringify(filter)).toBe(expected.length);
			expect(list.purchaseOrders.map((p) => p.id)).toEqual(expected.slice(0, 50));
			for (const po of list.purchaseOrders)
				expect(list.orders.get(po.orderId)?.id).toBe(po.orderId);
		}
	});

	it('the export reads every matching PO with its order', async () => {
		const list = await readPoList(db, { filter: EMPTY_PO_FILTER, limit: Infinity });
		expect(list.purchaseOrders).toHaveLength(ORDERS - 5);
		expect(list.orders.size).toBe(ORDERS - 5);
	});
});
