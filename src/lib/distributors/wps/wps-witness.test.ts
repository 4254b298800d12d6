import { describe, expect, it } from 'vitest';
import { fixtureDeps, fixtureFetch } from '$test-support/distributors/fixture-fetch';
import itemsFixture from './fixtures/items-with-inventory.json';
import orderList from './fixtures/order-list.json';
import orderStatus from './fixtures/order-status.json';
import {
	WitnessItemPage,
	WitnessOrder,
	WitnessOrderList
} from '$test-support/distributors/witness/wps';
import { createWpsAdapter } from './index';
import { request, TOKEN, useWpsSimulator } from '$test-support/distributors/wps-kit';

/** WPS answers shaped as public clients read them, fed straight to the adapter (no simulator). */
function adapterOver(routes: Parameters<typeof fixtureFetch>[0]) {
	const fixture = fixtureFetch(routes);
	return { adapter: createWpsAdapter(fixtureDeps(fixture.fetch, { apiToken: TOKEN })), fixture };
}

const clone = <T>(value: T): T => structuredClone(value);

describe('WPS witness fixtures', () => {
	it('are shaped as the public witnesses read them', () => {
		expect(WitnessOrder.safeParse(orderStatus).success).toBe(true);
		expect(WitnessOrderList.safeParse(orderList).success).toBe(true);
		expect(WitnessItemPage.safeParse(itemsFixture).success).toBe(true);
	});

	it('reads a PO with the witnessed item shape: shipped quantity from ship_quantity', async () => {
		const { adapter } = adapterOver([{ url: /\/orders\/PO-1001$/, body: orderStatus }]);
		const status = await adapter.getOrderStatus('PO-1001');
		expect(status).toEqual({
			ok: true,
			value: {
				poNumber: 'PO-1001',
				status: 'partially_shipped',
				distributorRefs: ['6110110', '6110111'],
				shipments: [
					{
						distributorRef: '6110110',
						carrier: 'OnTrac',
						service: 'CO5',
						trackingNumbers: ['C11234567890123'],
						shipDate: '2025-03-04T00:00:00.000Z',
						warehouse: 'CA',
						lines: [{ sku: '87-4310', quantity: 1 }]
					}
				]
			}
		});
	});

	it('reconciles a lost submit from the witnessed shape (findOrderByPoNumber)', async () => {
		const { adapter } = adapterOver([{ url: /\/orders\/PO-1001$/, body: orderStatus }]);
		expect(await adapter.findOrderByPoNumber('PO-1001')).toEqual({
			ok: true,
			value: {
				poNumber: 'PO-1001',
				distributorRefs: ['6110110', '6110111'],
				status: 'partially_shipped'
			}
		});
	});

	it('reads the bulk list (data as a list, string invoice numbers, Invoiced/Processing)', async () => {
		const { adapter, fixture } = adapterOver([{ url: /\/orders\?from_date=/, body: orderList }]);
		const batch = await adapter.getOrderStatuses([
			{ poNumber: 'PO-1001', refs: [], placedAt: '2025-03-03T10:00:00Z' },
			{ poNumber: 'PO-1002', refs: [], placedAt: '2025-03-04T10:00:00Z' }
		]);
		expect(batch.ok).toBe(true);
		if (!batch.ok) return;
		expect(batch.value.statuses.map((s) => [s.poNumber, s.status])).toEqual([
			['PO-1001', 'invoiced'],
			['PO-1002', 'open']
		]);
		expect(batch.value.statuses[0]?.shipments[0]?.lines).toEqual([{ sku: '87-4310', quantity: 2 }]);
		expect(fixture.requests).toHaveLength(1);
	});

	it('reads a single PO sent as a one-element list, numeric ids and a null tracking list', async () => {
		const body = clone(orderStatus) as unknown as { data: Record<string, unknown> };
		const po = body.data as { order_details: Record<string, unknown>[] };
		po.order_details[0]!.order_number = 6110110;
		po.order_details[1]!.tracking_numbers = null;
		po.order_details[1]!.invoice_number = 99;
		const { adapter } = adapterOver([{ url: /\/orders\/PO-1001$/, body: { data: [body.data] } }]);
		const status = await adapter.getOrderStatus('PO-1001');
		expect(status.ok && status.value.distributorRefs).toEqual(['6110110', '6110111']);
	});

	it('an unknown status word is open and recorded, never an error', async () => {
		const body = clone(orderStatus);
		body.data.order_details[1]!.order_status = 'HOLD-CR';
		body.data.order_details[0]!.order_status = 'Pending';
		const { adapter } = adapterOver([{ url: /\/orders\/PO-1001$/, body }]);
		const status = await adapter.getOrderStatus('PO-1001');
		expect(status).toMatchObject({
			ok: true,
			value: { status: 'open', statusNote: "Western Power Sports said 'HOLD-CR'" }
		});
	});

	it('keeps protocol errors for answers that cannot be read: no PO in data', async () => {
		const { adapter } = adapterOver([{ url: /\/orders\/PO-1001$/, body: { data: [] } }]);
		expect(await adapter.getOrderStatus('PO-1001')).toMatchObject({
			ok: false,
			error: { code: 'protocol' }
		});
	});

	it('reads stock when WPS leaves warehouse columns out', async () => {
		const body = clone(itemsFixture) as {
			data: { inventory: { data: Record<string, unknown> } }[];
		};
		delete body.data[0]!.inventory.data.pa2_warehouse;
		delete body.data[0]!.inventory.data.ga_warehouse;
		const { adapter } = adapterOver([{ url: /\/items\?filter/, body }]);
		const stock = await adapter.getStock(['87-4310']);
		expect(stock.ok && stock.value[0]?.totalQty).toBe(38);
	});
});

describe('WPS simulator speaks the witnessed shapes', () => {
	const kit = useWpsSimulator();

	it('answers items, a PO and the order list that the witness schemas accept', async () => {
		const placed = await kit.adapter().placeDropShipOrder(request());
		expect(placed.ok).toBe(true);
		kit.sim.advanceHours(60);
		const get = async (path: string) =>
			(
				await fetch(`https://api.wps-inc.com${path}`, {
					headers: { authorization: `Bearer ${TOKEN}` }
				})
			).json();
		expect(
			WitnessItemPage.parse(await get('/items?filter[sku]=87-4310&include=inventory')).data
		).toHaveLength(1);
		const po = WitnessOrder.parse(await get('/orders/PO-1001'));
		expect(po.data.order_details[0]?.items[0]).toMatchObject({ order_quantity: 2 });
		const list = WitnessOrderList.parse(await get('/orders?from_date=20250301&to_date=20250310'));
		expect(list.data).toHaveLength(1);
	});
});
