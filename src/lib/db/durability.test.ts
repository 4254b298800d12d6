import { describe, expect, it } from 'vitest';
import { createApi } from '$lib/worker/api';
import { FakeDistributor } from '$test-support/worker/fake-distributor';
import { putPuAccount } from '$test-support/worker/dealer-fixture';
import { createTestDeps } from '$test-support/worker/test-deps';
import type { DropshipDb } from './schema';

interface SeenTransaction {
	stores: string[];
	mode: string;
	durability: string;
}

/** Records the durability of every IndexedDB transaction the database really creates. */
function probe(db: DropshipDb): SeenTransaction[] {
	const seen: SeenTransaction[] = [];
	db.use({
		stack: 'dbcore',
		name: 'durability-probe',
		create: (down) => ({
			...down,
			transaction(stores, mode, options) {
				const tx = down.transaction(stores, mode, options) as IDBTransaction;
				seen.push({ stores, mode, durability: tx.durability });
				return tx;
			}
		})
	});
	return seen;
}

describe('durability (STOR-1, IDEM-2)', () => {
	it('creates every order and PO write transaction with strict durability', async () => {
		const fake = new FakeDistributor();
		const deps = createTestDeps({ adapters: (id) => fake.adapter(id) });
		const seen = probe(deps.db);
		const api = createApi(deps);
		await putPuAccount(deps);
		const created = await api.orders.create({
			number: '1009',
			buyer: { name: 'Cody Walters', email: 'cody@example.com' },
			shipTo: {
				name: 'Cody Walters',
				line1: '1 Main St',
				city: 'Boise',
				state: 'ID',
				postalCode: '83702'
			},
			items: [{ title: 'Brake Pads', sku: 'PU1721-2440', quantity: 1, unitPriceCents: 3995 }]
		});
		if (!created.ok) throw new Error(created.error.message);
		const placed = await api.purchaseOrders.place({
			orderId: created.value.id,
			distributorId: 'pu',
			shipTo: {
				name: 'Cody Walters',
				line1: '1 Main St',
				city: 'Boise',
				state: 'ID',
				postalCode: '83702'
			},
			lines: [
				{ orderItemId: `${created.value.id}-1`, sku: '1721-2440', quantity: 1, unitCostCents: 2210 }
			]
		});
		expect(placed.ok).toBe(true);

		const writes = seen.filter(
			(t) =>
				t.mode === 'readwrite' && t.stores.some((s) => s === 'orders' || s === 'purchaseOrders')
		);
		// The order's insert, and at least the PO's intent and its result.
		expect(writes.filter((t) => t.stores.includes('orders')).length).toBeGreaterThanOrEqual(1);
		expect(writes.filter((t) => t.stores.includes('purchaseOrders')).length).toBeGreaterThanOrEqual(
			2
		);
		expect(new Set(writes.map((t) => t.durability))).toEqual(new Set(['strict']));
	});
});
