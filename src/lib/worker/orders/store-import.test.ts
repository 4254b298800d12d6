import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dealerTodos } from '$lib/domain/dealer-todos';
import { createTestDeps } from '$test-support/worker/test-deps';
import { createApi } from '../api';
import { createPo, type NewPo } from '../purchase-orders/create';

const fixture = (name: string) =>
	readFileSync(new URL(`../../imports/fixtures/${name}`, import.meta.url), 'utf8');
/** A Shopify export with every column Shopify writes, in its order, and the states a shop has. */
const exportCsv = fixture('shopify-orders-states.csv');
/** The same export a day later: order #3001 has been cancelled in the store since. */
const laterCsv = fixture('shopify-orders-states-later.csv');

async function imported() {
	const deps = createTestDeps();
	const api = createApi(deps);
	await deps.db.settings.put({
		key: 'app',
		value: { dealer: { name: 'Ridge Line', poPrefix: 'RL' } }
	});
	const first = await api.orders.importFile({ fileName: 'orders_export_1.csv', text: exportCsv });
	if (!first.ok) throw new Error(first.error.message);
	const order = async (number: string) => {
		const found = await deps.db.orders.where('number').equals(number).first();
		if (!found) throw new Error(`no order ${number}`);
		const items = await deps.db.orderItems.where('orderId').equals(found.id).sortBy('lineNo');
		return { ...found, items };
	};
	const po = async (number: string, state: NewPo['state']) => {
		const o = await order(number);
		const item = o.items[0]!;
		const placed = await createPo(deps, {
			orderId: o.id,
			distributorId: 'pu',
			shipTo: o.shipTo,
			shippingMethod: 'ground',
			leadTimeDays: 1,
			isManual: false,
			state,
			distributorRefs: [],
			lines: [{ orderItemId: item.id, sku: item.sku.slice(2), quantity: 1, unitCostCents: 4100 }]
		});
		if (!placed.ok) throw new Error(placed.error.message);
		return placed.value;
	};
	return { deps, api, first: first.value, order, po };
}

describe('importing a Shopify export with the states a real shop has', () => {
	it('takes every order, each with what it means for the dealer, in their words', async () => {
		const { first } = await imported();
		expect(first.problems).toEqual([]);
		expect(first.summary).toBe(
			'6 orders read: 3 ready to drop-ship, 1 cancelled in the store, 1 already fulfilled, 1 waiting for payment. 6 new.'
		);
		expect(first.entries.map((e) => [e.line, e.orderNumber, e.category])).toEqual([
			[2, '3001', 'ready'],
			[3, '3002', 'cancelled'],
			[4, '3003', 'fulfilled'],
			[5, '3004', 'payment'],
			[6, '3005', 'ready'],
			[8, '3006', 'ready']
		]);
		const reasons = Object.fromEntries(first.entries.map((e) => [e.orderNumber, e.reason]));
		expect(reasons['3002']).toMatch(/^Cancelled in the store on Dec [45]$/);
		expect(reasons['3003']).toBe('Already fulfilled in the store');
		expect(reasons['3004']).toBe('Payment pending in the store');
		expect(reasons['3005']).toBe(
			'Ready to drop-ship; 1 line not to drop-ship (Does not ship (gift card, digital or service))'
		);
		expect(reasons['3006']).toMatch(/^Ready to drop-ship; ships to Canada: not known for any/);
	});

	it('keeps the store state, the non-shipping line and the address as they came', async () => {
		const { order } = await imported();
		const boston = await order('3001');
		expect(boston.shipTo).toMatchObject({ postalCode: '02108', state: 'MA', country: 'US' });
		expect(boston.storeState).toMatchObject({ payment: 'paid', isCancelled: false });
		expect(boston.state).toBe('new');

		const cancelled = await order('3002');
		expect(cancelled.state).toBe('cancelled');
		expect(cancelled.storeState).toMatchObject({
			payment: 'voided',
			isCancelled: true,
			cancelledAt: '2026-12-04T15:15:00.000Z'
		});
		// Fulfilled in the store: nothing left for us, so it is done from the start.
		expect((await order('3003')).state).toBe('done');

		const gift = await order('3005');
		expect(gift.items.map((i) => [i.sku, i.requiresShipping])).toEqual([
			['PU1032-3329', undefined],
			['', false]
		]);
		expect(gift.totalCents).toBe(20075);

		const toronto = await order('3006');
		expect(toronto.shipTo).toMatchObject({ country: 'CA', state: 'ON', postalCode: 'M5V 3L9' });
	});

	it('holds every order the store says must not ship, in words, before any offer is judged', async () => {
		const { api, order } = await imported();
		const holdOf = async (number: string, line = 0) => {
			const o = await order(number);
			const answer = await api.catalog.optionsForItem({ orderItemId: o.items[line]!.id });
			if (!answer.ok) throw new Error(answer.error.message);
			return answer.value.hold;
		};
		expect(await holdOf('3001')).toBeUndefined();
		expect(await holdOf('3002')).toMatch(/^Cancelled in the store on Dec/);
		expect(await holdOf('3003')).toBe('Already fulfilled in the store');
		expect(await holdOf('3004')).toBe('Payment pending in the store');
		expect(await holdOf('3005', 0)).toBeUndefined();
		expect(await holdOf('3005', 1)).toBe('Does not ship (gift card, digital or service)');
	});

	it('refuses a PO for an order the store holds, even if a stale page asks', async () => {
		const { po } = await imported();
		await expect(po('3004', 'queued')).rejects.toThrow(
			'Payment pending in the store: order 3004 is not drop-shipped.'
		);
	});

	it('a second import of the file a day later updates the cancelled order and adds nothing', async () => {
		const { deps, api, order, po } = await imported();
		const placed = await po('3001', 'submitted');
		const ordersBefore = await deps.db.orders.count();
		const itemsBefore = await deps.db.orderItems.count();

		const later = await api.orders.importFile({ fileName: 'orders_export_2.csv', text: laterCsv });
		if (!later.ok) throw new Error(later.error.message);
		expect(later.value.summary).toBe(
			'6 orders read: 2 ready to drop-ship, 2 cancelled in the store, 1 already fulfilled, 1 waiting for payment. 1 updated from the store, 5 already here, unchanged.'
		);
		expect(later.value).toMatchObject({ imported: 0, updated: 1, duplicates: 5 });
		expect(await deps.db.orders.count()).toBe(ordersBefore);
		expect(await deps.db.orderItems.count()).toBe(itemsBefore);

		const boston = await order('3001');
		expect(boston.state).toBe('cancelled');
		expect(boston.storeState).toMatchObject({ isCancelled: true, payment: 'voided' });

		// The PO had gone to Parts Unlimited: the dashboard asks the dealer to have it cancelled.
		const after = await deps.db.purchaseOrders.get(placed.id);
		expect(after?.state).toBe('submitted');
		const todos = dealerTodos([after!], deps.now());
		expect(todos.map((t) => t.advice)).toEqual([
			`Order #3001 was cancelled in the store after PO ${placed.poNumber} was placed: ask Parts Unlimited to cancel.`
		]);

		// A third import of the same file changes nothing more.
		const third = await api.orders.importFile({ fileName: 'orders_export_2.csv', text: laterCsv });
		expect(third).toMatchObject({ ok: true, value: { imported: 0, updated: 0, duplicates: 6 } });
		expect((await deps.db.purchaseOrders.get(placed.id))?.history).toEqual(after?.history);
	});

	it('an older file read again does not bring a cancelled order back', async () => {
		const { api, order } = await imported();
		await api.orders.importFile({ fileName: 'later.csv', text: laterCsv });
		const again = await api.orders.importFile({ fileName: 'older.csv', text: exportCsv });
		expect(again).toMatchObject({ ok: true, value: { imported: 0 } });
		expect((await order('3001')).state).toBe('cancelled');
	});
});

describe('a store cancellation reaching a PO still waiting for the network', () => {
	it('cancels the waiting PO here, since nothing was sent', async () => {
		const deps = createTestDeps();
		const api = createApi(deps);
		const json = (status: string) =>
			JSON.stringify([
				{
					number: 'W-88',
					status,
					buyer: { name: 'Ann Lee', email: 'ann@example.com' },
					shipTo: {
						name: 'Ann Lee',
						line1: '1 Main St',
						city: 'Boise',
						state: 'ID',
						postalCode: '83702',
						country: 'US'
					},
					items: [{ title: 'Air filter', sku: 'PU0809-7128', quantity: 1, unitPriceCents: 7685 }]
				}
			]);
		const first = await api.orders.importFile({ fileName: 'woo.json', text: json('processing') });
		expect(first).toMatchObject({ ok: true, value: { entries: [{ category: 'ready' }] } });
		const order = (await deps.db.orders.where('number').equals('W-88').first())!;
		const waiting = await createPo(deps, {
			orderId: order.id,
			distributorId: 'pu',
			shipTo: order.shipTo,
			shippingMethod: 'ground',
			leadTimeDays: 1,
			isManual: false,
			state: 'queued',
			distributorRefs: [],
			lines: [{ orderItemId: `${order.id}-1`, sku: '0809-7128', quantity: 1, unitCostCents: 4100 }]
		});
		if (!waiting.ok) throw new Error(waiting.error.message);

		const later = await api.orders.importFile({ fileName: 'woo.json', text: json('cancelled') });
		expect(later).toMatchObject({
			ok: true,
			value: { updated: 1, entries: [{ category: 'cancelled', reason: 'Cancelled in the store' }] }
		});
		const po = await deps.db.purchaseOrders.get(waiting.value.id);
		expect(po).toMatchObject({ state: 'cancelled', shipState: 'cancelled' });
		expect(po?.history.at(-1)?.note).toBe('Not sent: order #W-88 was cancelled in the store');
		expect(dealerTodos([po!], deps.now())).toEqual([]);
		expect((await deps.db.orders.get(order.id))?.state).toBe('cancelled');
	});
});

describe('the setting that allows authorized payments', () => {
	it('holds an authorized order until the dealer allows it in Settings', async () => {
		const deps = createTestDeps();
		const api = createApi(deps);
		const text = JSON.stringify([
			{
				number: '4100',
				financialStatus: 'authorized',
				fulfillmentStatus: null,
				buyer: { name: 'Ann Lee', email: 'ann@example.com' },
				shipTo: {
					name: 'Ann Lee',
					line1: '1 Main St',
					city: 'Boise',
					state: 'ID',
					postalCode: '83702'
				},
				items: [{ title: 'Air filter', sku: 'PU0809-7128', quantity: 1, unitPriceCents: 7685 }]
			}
		]);
		const first = await api.orders.importFile({ fileName: 'orders.json', text });
		expect(first).toMatchObject({ ok: true, value: { entries: [{ category: 'payment' }] } });
		const order = (await deps.db.orders.where('number').equals('4100').first())!;
		const hold = async () => {
			const answer = await api.catalog.optionsForItem({ orderItemId: `${order.id}-1` });
			return answer.ok ? answer.value.hold : answer.error.message;
		};
		expect(await hold()).toBe('Payment only authorized in the store, not captured');
		expect(await api.settings.update({ isAuthorizedShippable: true })).toMatchObject({ ok: true });
		expect(await hold()).toBeUndefined();
	});
});
