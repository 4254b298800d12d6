import { describe, expect, it } from 'vitest';
import { replaceCatalog } from '$lib/db/writes';
import type { PurchaseOrder } from '$lib/domain/purchase-order';
import { puFeedFiles, seededCatalog, wpsOffer } from '$test-support/worker/catalog-kit';

const puFiles = puFeedFiles();

/** The PU feed imported, PU on with credentials (WPS without), and one order of `quantity` pads. */
async function orderedPads(quantity = 1) {
	const { deps, api } = await seededCatalog();
	await api.catalog.importFeed({ runId: 'r', layout: 'pu', distributorId: 'pu', files: puFiles });
	await api.catalog.confirmImport({ runId: 'r' });
	await deps.db.distributors.bulkPut([
		{
			id: 'pu',
			isEnabled: true,
			credentials: { dealerNumber: '1', apiKey: 'k' },
			prerequisitesDone: [],
			updatedAt: deps.now().toISOString()
		},
		{
			id: 'wps',
			isEnabled: true,
			credentials: {},
			prerequisitesDone: [],
			updatedAt: deps.now().toISOString()
		}
	]);
	const order = await api.orders.create({
		number: '7001',
		buyer: { name: 'Ann Lee', email: 'ann@example.com' },
		shipTo: {
			name: 'Ann Lee',
			line1: '1 Main St',
			city: 'Boise',
			state: 'ID',
			postalCode: '83702'
		},
		items: [{ title: 'EBC pads', sku: 'PU2103-0174', quantity, unitPriceCents: 5995 }]
	});
	if (!order.ok) throw new Error(order.error.message);
	const [item] = await deps.db.orderItems.where('orderId').equals(order.value.id).toArray();
	if (!item) throw new Error('The order has no item');
	/** Puts the item (`onPo` of it) on a PU PO in the given states. */
	const putPo = async (over: Partial<PurchaseOrder> = {}, onPo = quantity) => {
		await deps.db.purchaseOrders.put({
			id: 'po-1',
			poNumber: 'RL-1001',
			orderId: order.value.id,
			distributorId: 'pu',
			isManual: true,
			state: 'submitted',
			shipState: 'awaiting',
			distributorRefs: [],
			shipTo: order.value.shipTo,
			shippingMethod: 'ground',
			leadTimeDays: 1,
			costCents: 2964,
			createdAt: deps.now().toISOString(),
			updatedAt: deps.now().toISOString(),
			history: [],
			...over
		});
		await deps.db.poLines.put({
			id: 'l-1',
			poId: 'po-1',
			orderItemId: item.id,
			lineNo: 1,
			sku: '2103-0174',
			quantity: onPo,
			unitCostCents: 2964,
			status: 'accepted'
		});
	};
	return { deps, api, item, putPo };
}

describe('catalog.optionsForItem', () => {
	it('finds an order item by its prefixed SKU, judges and ranks every offer of the product', async () => {
		const { api, item, putPo } = await orderedPads();
		const result = await api.catalog.optionsForItem({ orderItemId: item.id });
		if (!result.ok) throw new Error(result.error.message);
		expect(result.value.matchedBy).toBe('prefixed-sku');
		expect(result.value.options.map((o) => [o.distributorId, o.isEligible, o.reason])).toEqual([
			[
				'pu',
				true,
				'1st: in stock, Parts Unlimited comes first in your preference order ($29.64 landed)'
			],
			['wps', false, 'no Western Power Sports credentials']
		]);
		expect(await api.catalog.optionsForItem({ orderItemId: 'nope' })).toMatchObject({
			ok: false,
			error: { code: 'not_found' }
		});

		// On an open PO the item is not offered again; a cancelled PO frees it.
		await putPo();
		const batch = await api.catalog.optionsForItems({ orderItemIds: [item.id, 'gone'] });
		expect(batch.ok && batch.value.map((a) => a.options[0]?.reason)).toEqual([
			'already on PO RL-1001'
		]);
		await putPo({ state: 'cancelled' });
		const freed = await api.catalog.optionsForItems({ orderItemIds: [item.id] });
		expect(freed.ok && freed.value[0]?.options[0]?.isEligible).toBe(true);
	});

	it('names the qualifying items by id only, leaving out unknown and already ordered ones', async () => {
		const { api, item, putPo } = await orderedPads();
		expect(await api.catalog.qualifyingItems({ orderItemIds: [item.id, 'gone'] })).toEqual({
			ok: true,
			value: [item.id]
		});
		await putPo();
		expect(await api.catalog.qualifyingItems({ orderItemIds: [item.id] })).toEqual({
			ok: true,
			value: []
		});
	});

	it('offers the item again when the distributor cancelled its PO', async () => {
		const { api, item, putPo } = await orderedPads();
		await putPo({ state: 'confirmed', shipState: 'cancelled' });
		const result = await api.catalog.optionsForItem({ orderItemId: item.id });
		expect(result.ok && result.value.options[0]).toMatchObject({ isEligible: true });
	});

	it('offers what a split left open, judged for the open quantity', async () => {
		const { api, item, putPo } = await orderedPads(3);
		await putPo({ state: 'confirmed' }, 2);
		const result = await api.catalog.optionsForItem({ orderItemId: item.id });
		// PU's WI has 4: the one still open qualifies (all 3 would as well; 5 would not).
		expect(result.ok && result.value.options[0]).toMatchObject({ isEligible: true });
		await putPo({ state: 'confirmed' }, 3);
		const covered = await api.catalog.optionsForItem({ orderItemId: item.id });
		expect(covered.ok && covered.value.options[0]?.reason).toBe('already on PO RL-1001');
	});

	it("names the distributor's own feed and its age when the part is out of stock", async () => {
		const { deps, api, item } = await orderedPads();
		// The WPS offer of the same pads, fed yesterday and out of stock.
		await replaceCatalog(
			deps.db,
			{
				id: 'wps-2',
				distributorId: 'wps',
				source: 'seed',
				startedAt: '2026-11-19T06:10:00.000Z',
				errorCount: 0
			},
			[wpsOffer({ stock: {} })]
		);
		await deps.db.distributors.update('wps', { credentials: { apiToken: 't' } });
		const result = await api.catalog.optionsForItem({ orderItemId: item.id });
		const wps = result.ok ? result.value.options.find((o) => o.distributorId === 'wps') : undefined;
		expect(wps?.reason).toMatch(/^out of stock in the feed of yesterday \d\d:\d\d$/);
	});
});
