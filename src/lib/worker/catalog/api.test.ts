import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceCatalog } from '$lib/db/writes';
import type { Offer } from '$lib/domain/catalog';
import { syntheticOffers } from '$lib/feeds/synthetic';
import { createApi } from '../api';
import { createTestDeps } from '$test-support/worker/test-deps';

const fixture = (name: string) => ({
	name,
	data: new Uint8Array(readFileSync(join(__dirname, '../../feeds/fixtures', name)))
});
const puFiles = [fixture('pu-BasePriceFile.csv'), fixture('pu-12345_PriceFile.csv')];

function wpsOffer(over: Partial<Offer> = {}): Offer {
	return {
		distributorId: 'wps',
		sku: '15-0174',
		brand: 'EBC',
		mpn: 'FA-213HH',
		description: 'EBC sintered brake pads',
		costCents: 3000,
		stock: { CA: 2 },
		...over
	};
}

async function seeded() {
	const deps = createTestDeps();
	const api = createApi(deps);
	await replaceCatalog(
		deps.db,
		{
			id: 'old-pu',
			distributorId: 'pu',
			source: 'seed',
			startedAt: deps.now().toISOString(),
			errorCount: 0
		},
		syntheticOffers(3000, 'pu')
	);
	await replaceCatalog(
		deps.db,
		{
			id: 'wps-1',
			distributorId: 'wps',
			source: 'seed',
			startedAt: deps.now().toISOString(),
			errorCount: 0
		},
		[wpsOffer()]
	);
	return { deps, api };
}

describe('catalog.optionsForItem', () => {
	it('finds an order item by its prefixed SKU, judges and ranks every offer of the product', async () => {
		const { deps, api } = await seeded();
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
			items: [{ title: 'EBC pads', sku: 'PU2103-0174', quantity: 1, unitPriceCents: 5995 }]
		});
		if (!order.ok) throw new Error(order.error.message);
		const [item] = await deps.db.orderItems.where('orderId').equals(order.value.id).toArray();
		const result = await api.catalog.optionsForItem({ orderItemId: item?.id ?? '' });
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
		const po = {
			id: 'po-1',
			poNumber: 'RL-1001',
			orderId: order.value.id,
			distributorId: 'pu' as const,
			isManual: true,
			state: 'submitted' as const,
			shipState: 'awaiting' as const,
			distributorRefs: [],
			shipTo: order.value.shipTo,
			shippingMethod: 'ground' as const,
			leadTimeDays: 1,
			costCents: 2964,
			createdAt: deps.now().toISOString(),
			updatedAt: deps.now().toISOString(),
			history: []
		};
		await deps.db.purchaseOrders.put(po);
		await deps.db.poLines.put({
			id: 'l-1',
			poId: 'po-1',
			orderItemId: item?.id ?? '',
			lineNo: 1,
			sku: '2103-0174',
			quantity: 1,
			unitCostCents: 2964,
			status: 'accepted'
		});
		const batch = await api.catalog.optionsForItems({ orderItemIds: [item?.id ?? '', 'gone'] });
		expect(batch.ok && batch.value.map((a) => a.options[0]?.reason)).toEqual([
			'already on PO RL-1001'
		]);
		await deps.db.purchaseOrders.put({ ...po, state: 'cancelled' });
		const freed = await api.catalog.optionsForItems({ orderItemIds: [item?.id ?? ''] });
		expect(freed.ok && freed.value[0]?.options[0]?.isEligible).toBe(true);
	});
});
