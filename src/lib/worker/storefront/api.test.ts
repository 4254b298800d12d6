import { describe, expect, it } from 'vitest';
import { addStoreOrders, storeState } from '$lib/storefronts/sim-store';
import { useStoreWorld } from '$test-support/storefronts/store-world';

const world = useStoreWorld();

describe('storefront sync', () => {
	it('250 WooCommerce orders over 3 pages arrive once each; a second sync adds nothing', async () => {
		const { api, deps } = await world.dealer('woocommerce');
		addStoreOrders(world.sim, 'woocommerce', 250);
		const first = await api.storefront.sync({});
		expect(first).toMatchObject({ ok: true, value: { newOrders: 250, ok: true } });
		expect(storeState(world.sim, 'woocommerce').calls).toBe(3);
		expect(await deps.db.orders.count()).toBe(250);
		const second = await api.storefront.sync({});
		expect(second).toMatchObject({ ok: true, value: { newOrders: 0, updated: 0 } });
		expect(await deps.db.orders.count()).toBe(250);
		const order = await deps.db.orders.where('number').equals('1101').first();
		expect(order).toMatchObject({
			source: 'woocommerce',
			state: 'new',
			storeState: { payment: 'paid', fulfilment: 'unfulfilled', isCancelled: false },
			store: {
				storefrontId: 'woocommerce',
				orderId: '1',
				url: 'https://shop.ridgeline.example/wp-admin/post.php?post=1&action=edit'
			}
		});
	});

	it('Shopify: a THROTTLED answer midway ends the sync with what it stored; the next resumes at that page', async () => {
		const { api, deps } = await world.dealer('shopify');
		addStoreOrders(world.sim, 'shopify', 250);
		storeState(world.sim, 'shopify').faults.refuseAfterCalls = 2;
		const stopped = await api.storefront.sync({});
		expect(stopped).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
		expect(await deps.db.orders.count()).toBe(100);
		const state = storeState(world.sim, 'shopify');
		state.faults = {};
		const callsBefore = state.calls;
		const resumed = await api.storefront.sync({});
		expect(resumed).toMatchObject({ ok: true, value: { newOrders: 150 } });
		// Pages 3, 4 and 5 only: nothing asked twice.
		expect(state.calls - callsBefore).toBe(3);
		const numbers = (await deps.db.orders.toArray()).map((o) => o.number);
		expect(new Set(numbers).size).toBe(250);
		expect(await api.storefront.sync({})).toMatchObject({ ok: true, value: { newOrders: 0 } });
	});

	it('WooCommerce: a 429 midway resumes where it stopped', async () => {
		const { api, deps } = await world.dealer('woocommerce');
		addStoreOrders(world.sim, 'woocommerce', 250);
		storeState(world.sim, 'woocommerce').faults.refuseAfterCalls = 1;
		expect(await api.storefront.sync({})).toMatchObject({
			ok: false,
			error: { code: 'rate_limited' }
		});
		expect(await deps.db.orders.count()).toBe(100);
		storeState(world.sim, 'woocommerce').faults = {};
		expect(await api.storefront.sync({})).toMatchObject({ ok: true, value: { newOrders: 150 } });
		expect(await deps.db.orders.count()).toBe(250);
	});

	it('an order imported by CSV first is not added again by a sync, nor a synced one by a re-import', async () => {
		const { api, deps } = await world.dealer('shopify');
		const [sim] = addStoreOrders(world.sim, 'shopify', 1);
		const csv = [
			'Name,Email,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Shipping Name,Shipping Address1,Shipping City,Shipping Province,Shipping Zip,Shipping Country',
			`#1101,${sim?.email},1,Part,49.95,WP87-4310,${sim?.name},${sim?.address.line1},${sim?.address.city},${sim?.address.state},${sim?.address.zip},US`
		].join('\n');
		const imported = await api.orders.importFile({ fileName: 'orders_export.csv', text: csv });
		expect(imported).toMatchObject({ ok: true, value: { imported: 1 } });
		expect(await api.storefront.sync({})).toMatchObject({ ok: true, value: { newOrders: 0 } });
		expect(await deps.db.orders.count()).toBe(1);
		const again = await api.orders.importFile({ fileName: 'orders_export.csv', text: csv });
		expect(again).toMatchObject({ ok: true, value: { imported: 0, duplicates: 1 } });
		expect((await deps.db.orders.toArray())[0]?.store?.orderId).toBe('gid://shopify/Order/1');
	});

	it('an edit in the store before any PO updates ours; after a PO it is flagged, ours untouched', async () => {
		const { api, deps, dropShip } = await world.dealer('shopify');
		const [first, second] = addStoreOrders(world.sim, 'shopify', 2);
		await api.storefront.sync({});
		await dropShip('1102');
		world.sim.advanceHours(1);
		for (const order of [first, second]) {
			if (!order) continue;
			order.address.line1 = '1 New Address Rd';
			order.updatedAt = world.sim.now().toISOString();
		}
		const synced = await api.storefront.sync({});
		expect(synced).toMatchObject({ ok: true, value: { updated: 1, flagged: 1 } });
		const edited = await deps.db.orders.where('number').equals('1101').first();
		expect(edited?.shipTo.line1).toBe('1 New Address Rd');
		expect(edited?.store?.flag).toBeUndefined();
		const flagged = await deps.db.orders.where('number').equals('1102').first();
		expect(flagged?.shipTo.line1).not.toBe('1 New Address Rd');
		expect(flagged?.store?.flag).toMatch(/Changed in Shopify after a PO was placed/);
	});

	it('a store cancellation does what a CSV re-import saying cancelled does: held, waiting PO cancelled unsent', async () => {
		const { api, deps, dropShip } = await world.dealer('shopify');
		const [cancelled, waiting] = addStoreOrders(world.sim, 'shopify', 2);
		await api.storefront.sync({});
		deps.network.setOnline(false);
		const poNumber = await dropShip('1102');
		deps.network.setOnline(true);
		world.sim.advanceHours(1);
		for (const order of [cancelled, waiting]) {
			if (!order) continue;
			order.cancelledAt = world.sim.now().toISOString();
			order.updatedAt = order.cancelledAt;
		}
		expect(await api.storefront.sync({})).toMatchObject({ ok: true, value: { flagged: 2 } });
		const noPo = await deps.db.orders.where('number').equals('1101').first();
		expect(noPo).toMatchObject({
			state: 'cancelled',
			storeState: { isCancelled: true },
			store: { flag: 'Cancelled in Shopify.' }
		});
		const withPo = await deps.db.orders.where('number').equals('1102').first();
		expect(withPo?.store?.flag).toMatch(/Cancelled in Shopify after a PO/);
		const po = await deps.db.purchaseOrders.where('poNumber').equals(poNumber).first();
		expect(po).toMatchObject({ state: 'cancelled', shipState: 'cancelled' });
		expect(po?.history.at(-1)?.note).toBe('Not sent: order #1102 was cancelled in the store');
		const sent = await api.purchaseOrders.sendWaiting({});
		expect(sent).toMatchObject({ ok: true, value: { placed: 0 } });
		// A sync again, and a CSV re-import of the same cancelled order, change nothing more.
		expect(await api.storefront.sync({})).toMatchObject({ ok: true, value: { flagged: 0 } });
	});

	it('an unpaid store order comes in held with the words an imported unpaid order gets; paid later, it may ship', async () => {
		const { api, deps } = await world.dealer('shopify');
		const [order] = addStoreOrders(world.sim, 'shopify', 1);
		if (!order) throw new Error('no order');
		order.isPaid = false;
		await api.storefront.sync({});
		const stored = await deps.db.orders.where('number').equals('1101').first();
		expect(stored?.storeState).toMatchObject({ payment: 'pending', isCancelled: false });
		const [item] = await deps.db.orderItems
			.where('orderId')
			.equals(stored?.id ?? '')
			.toArray();
		const held = await api.catalog.optionsForItem({ orderItemId: item?.id ?? '' });
		expect(held).toMatchObject({ ok: true, value: { hold: 'Payment pending in the store' } });
		world.sim.advanceHours(1);
		order.isPaid = true;
		order.updatedAt = world.sim.now().toISOString();
		await api.storefront.sync({});
		const paid = await api.catalog.optionsForItem({ orderItemId: item?.id ?? '' });
		expect(paid.ok && paid.value.hold).toBeUndefined();
	});
});

describe('tracking back to the store', () => {
	it('a shipment is pushed back exactly once across a reload', async () => {
		const dealer = await world.dealer('shopify', 'store');
		const [order] = addStoreOrders(world.sim, 'shopify', 1);
		await dealer.api.storefront.sync({});
		const poNumber = await dealer.dropShip('1101');
		await dealer.ship(poNumber, '1Z999AA10123456784');
		// The answer to fulfillmentCreate is lost: the push stays queued for the next round.
		storeState(world.sim, 'shopify').faults.dropWriteAnswers = true;
		const round = await dealer.api.tracking.refresh({});
		expect(round).toMatchObject({ ok: true, value: { newShipments: 1, storeUpdates: 0 } });
		expect(order?.fulfillments).toHaveLength(1);
		storeState(world.sim, 'shopify').faults = {};
		dealer.reload();
		await dealer.api.tracking.refresh({});
		await dealer.api.storefront.sync({});
		dealer.reload();
		await dealer.api.tracking.refresh({});
		expect(order?.fulfillments).toHaveLength(1);
		expect(order?.fulfillments[0]).toMatchObject({
			numbers: ['1Z999AA10123456784'],
			company: 'UPS'
		});
		const pushes = await dealer.deps.db.storePushes.toArray();
		expect(pushes).toHaveLength(1);
		expect(pushes[0]).toMatchObject({
			state: 'done',
			message: 'Shopify told: fulfilled, UPS 1Z999AA10123456784'
		});
	});

	it.each([
		['store', 1, 0],
		['smtp', 0, 1]
	] as const)(
		'the buyer gets one email per shipment when %s tells them',
		async (notifier, storeEmails, ourEmails) => {
			const dealer = await world.dealer('shopify', notifier);
			addStoreOrders(world.sim, 'shopify', 1);
			await dealer.api.storefront.sync({});
			const poNumber = await dealer.dropShip('1101');
			await dealer.ship(poNumber, '1Z999AA10123456784');
			await dealer.api.tracking.refresh({});
			await dealer.api.tracking.refresh({});
			expect(storeState(world.sim, 'shopify').buyerEmails).toHaveLength(storeEmails);
			expect(await dealer.deps.db.outbox.count()).toBe(ourEmails);
			const [push] = await dealer.deps.db.storePushes.toArray();
			expect(push).toMatchObject({ state: 'done', notifyCustomer: notifier === 'store' });
		}
	);

	it('WooCommerce with the store telling the buyer: one Completed email, the order completed', async () => {
		const dealer = await world.dealer('woocommerce', 'store');
		const [order] = addStoreOrders(world.sim, 'woocommerce', 1);
		await dealer.api.storefront.sync({});
		const poNumber = await dealer.dropShip('1101');
		await dealer.ship(poNumber, '1Z999AA10123456784');
		await dealer.api.tracking.refresh({});
		expect(order?.wooStatus).toBe('completed');
		expect(storeState(world.sim, 'woocommerce').buyerEmails).toEqual([
			{ orderNumber: 1101, kind: 'completed order' }
		]);
		expect(await dealer.deps.db.outbox.count()).toBe(0);
	});

	/** A two-line web order at the WooCommerce store, each line drop-shipped and shipped on its own. */
	async function twoShipments(notifier: 'store' | 'smtp', isCompletedEmailOn: boolean) {
		const dealer = await world.dealer('woocommerce', notifier);
		const [order] = addStoreOrders(world.sim, 'woocommerce', 1);
		const line = order?.lines[0];
		if (!order || !line) throw new Error('no order');
		order.lines = [line, { ...line, n: line.n + 1, sku: 'PU2103-0174', title: 'Second part' }];
		storeState(world.sim, 'woocommerce').isCompletedEmailOn = isCompletedEmailOn;
		await dealer.api.storefront.sync({});
		const first = await dealer.dropShip('1101', [1]);
		const second = await dealer.dropShip('1101', [2]);
		await dealer.ship(first, '1Z999AA10000000001');
		await dealer.api.tracking.refresh({});
		await dealer.ship(second, '1Z999AA10000000002');
		await dealer.api.tracking.refresh({});
		await dealer.api.tracking.refresh({});
		return { dealer, order, emails: storeState(world.sim, 'woocommerce').buyerEmails };
	}

	it('WooCommerce, the store tells the buyer: a customer note for the first shipment, the Completed order email for the last', async () => {
		const { dealer, order, emails } = await twoShipments('store', true);
		expect(emails.map((e) => e.kind)).toEqual(['customer note', 'completed order']);
		expect(order.notes.map((n) => n.isCustomerNote)).toEqual([true, false]);
		expect(order.wooStatus).toBe('completed');
		expect(await dealer.deps.db.outbox.count()).toBe(0);
	});

	it("WooCommerce, our SMTP email tells the buyer: private notes, one email of ours per shipment, none of the store's once its Completed order email is off", async () => {
		const { dealer, order, emails } = await twoShipments('smtp', false);
		expect(order.notes).toHaveLength(2);
		expect(order.notes.every((n) => !n.isCustomerNote)).toBe(true);
		expect(order.wooStatus).toBe('completed');
		expect(emails).toEqual([]);
		expect(await dealer.deps.db.outbox.count()).toBe(2);
		const pushes = await dealer.deps.db.storePushes.toArray();
		expect(pushes.map((p) => p.notifyCustomer)).toEqual([false, false]);
	});

	it("WooCommerce with our SMTP email and the store's Completed order email left on: the store still emails on completion (what Settings › Storefront warns about)", async () => {
		const { emails } = await twoShipments('smtp', true);
		expect(emails.map((e) => e.kind)).toEqual(['completed order']);
	});
});
