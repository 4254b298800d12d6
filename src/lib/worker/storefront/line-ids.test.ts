import { describe, expect, it } from 'vitest';
import { addStoreOrders, storeState } from '$lib/storefronts/sim-store';
import { useStoreWorld } from '$test-support/storefronts/store-world';

const world = useStoreWorld();

describe('a store order imported by CSV before the store was synced', () => {
	it('takes the store line ids at the sync, so its shipment reaches the store and the buyer is told once (soak)', async () => {
		const dealer = await world.dealer('shopify', 'store');
		const [sim] = addStoreOrders(world.sim, 'shopify', 1);
		const line = sim?.lines[0];
		if (!sim || !line) throw new Error('no store order');
		const csv = [
			'Name,Email,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Shipping Name,Shipping Address1,Shipping City,Shipping Province,Shipping Zip,Shipping Country',
			`#1101,${sim.email},${line.quantity},Part,49.95,${line.sku},${sim.name},${sim.address.line1},${sim.address.city},${sim.address.state},${sim.address.zip},US`
		].join('\n');
		const imported = await dealer.api.orders.importFile({ fileName: 'orders.csv', text: csv });
		expect(imported).toMatchObject({ ok: true, value: { imported: 1 } });
		await dealer.api.storefront.sync({});
		const [item] = await dealer.deps.db.orderItems.toArray();
		expect(item?.storeLineId).toBe(`gid://shopify/LineItem/${line.n}`);

		const poNumber = await dealer.dropShip('1101', [1]);
		await dealer.ship(poNumber, '1Z999AA10123456784');
		await dealer.api.tracking.refresh({});
		expect(sim.fulfillments).toHaveLength(1);
		expect(storeState(world.sim, 'shopify').buyerEmails).toHaveLength(1);
		expect(await dealer.deps.db.storePushes.toArray()).toMatchObject([{ state: 'done' }]);
	});
});
