import { afterEach, describe, expect, it } from 'vitest';
import { addStoreOrders, storeState } from '../sim-store';
import { drainOrders, useStoreSimulator } from '$test-support/storefronts/store-kit';
import type { SyncCursor } from '../types';
import { createShopifyAdapter } from './index';
import { shopifyHandlers } from './mocks';

const SHOP = 'ridge-line.myshopify.com';
const TOKEN = 'shpat_demo_0000';
const SINCE = '2025-03-01T00:00:00.000Z';
const ENDPOINT = `https://${SHOP}/admin/api/2026-10/graphql.json`;

const kit = useStoreSimulator((sim, clockMs) => shopifyHandlers(sim, { clockMs }));
const adapter = (accessToken = TOKEN) =>
	createShopifyAdapter(kit.deps({ shop: SHOP, accessToken }));

afterEach(() => {
	kit.clock.ms = 0;
	kit.clock.slept.length = 0;
	kit.server.resetHandlers();
});

const drain = (cursor: SyncCursor) => drainOrders(adapter, cursor);

describe('Shopify adapter against its simulator', () => {
	it('asks the pinned version with the token header and the named operation', async () => {
		const result = await adapter().testConnection();
		expect(result).toEqual({ ok: true, value: { shopName: 'Ridge Line Powersports' } });
		const [request] = await kit.requests();
		expect(request?.method).toBe('POST');
		expect(request?.url.href).toBe(ENDPOINT);
		expect(request?.headers.get('x-shopify-access-token')).toBe(TOKEN);
		expect(request?.headers.get('authorization')).toBeNull();
		expect((request?.body as { query: string }).query).toMatch(/^query ShopName\b/);
	});

	it('says a refused token in words, and a shop that is not on myshopify.com before calling', async () => {
		const refused = await adapter('shpat_real_looking').testConnection();
		expect(refused).toMatchObject({ ok: false, error: { code: 'auth' } });
		const elsewhere = await createShopifyAdapter(
			kit.deps({ shop: 'shop.example.com', accessToken: TOKEN })
		).testConnection();
		expect(elsewhere).toMatchObject({ ok: false, error: { code: 'validation', field: 'shop' } });
		expect(await kit.requests()).toHaveLength(1);
	});

	it('pages with first/after/query and brings every order once', async () => {
		addStoreOrders(kit.sim, 'shopify', 120);
		const numbers = await drain({ since: SINCE });
		expect(numbers).toHaveLength(120);
		expect(new Set(numbers).size).toBe(120);
		expect(numbers[0]).toBe('1101');
		const requests = await kit.requests();
		expect(requests).toHaveLength(3);
		const variables = requests.map(
			(r) => (r.body as { variables: Record<string, unknown> }).variables
		);
		expect(variables[0]).toEqual({ first: 50, after: null, query: `updated_at:>'${SINCE}'` });
		expect(variables[1]?.after).toEqual(expect.any(String));
		expect(variables[2]?.after).not.toBe(variables[1]?.after);
		expect((requests[0]?.body as { query: string }).query).toMatch(/^query OrdersToShip\(/);
	});

	it('maps an order: name, buyer, address, lines with SKU, vendor and price', async () => {
		const [sim] = addStoreOrders(kit.sim, 'shopify', 1);
		const page = await adapter().listOrdersSince({ since: SINCE });
		expect(page.ok && page.value.orders[0]).toMatchObject({
			storeOrderId: 'gid://shopify/Order/1',
			number: '1101',
			storeState: { payment: 'paid', fulfilment: 'unfulfilled', isCancelled: false },
			buyer: { name: sim?.name, email: sim?.email },
			shipTo: { state: sim?.address.state, postalCode: sim?.address.zip, country: 'US' },
			adminUrl: `https://${SHOP}/admin/orders/1`,
			items: [{ sku: sim?.lines[0]?.sku, quantity: sim?.lines[0]?.quantity, unitPriceCents: 4995 }]
		});
	});

	it('slows down before the bucket runs dry instead of running into THROTTLED', async () => {
		const small = useBucket(1000, 50);
		addStoreOrders(kit.sim, 'shopify', 120);
		const numbers = await drainWith(small, { since: SINCE });
		expect(numbers).toHaveLength(120);
		expect(kit.clock.slept.length).toBeGreaterThan(0);
		expect(storeState(kit.sim, 'shopify').calls).toBe(3);
	});

	it('waits out THROTTLED, then gives up as rate_limited; the cursor resumes at the page that failed', async () => {
		addStoreOrders(kit.sim, 'shopify', 120);
		const first = await adapter().listOrdersSince({ since: SINCE });
		if (!first.ok || !first.value.next) throw new Error('no first page');
		storeState(kit.sim, 'shopify').faults.refuseAfterCalls = 1;
		const throttled = await adapter().listOrdersSince(first.value.next);
		expect(throttled).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
		expect(kit.clock.slept.length).toBe(3);
		storeState(kit.sim, 'shopify').faults = {};
		const rest = await drain(first.value.next);
		expect([...first.value.orders.map((o) => o.number), ...rest]).toHaveLength(120);
		expect(new Set(rest).size).toBe(70);
	});

	it('creates one fulfilment with tracking and notifyCustomer, and never a second for the same numbers', async () => {
		const [order] = addStoreOrders(kit.sim, 'shopify', 1);
		const line = order?.lines[0];
		if (!order || !line) throw new Error('no order');
		const shipment = {
			carrier: 'UPS',
			trackingNumbers: ['1Z999AA10123456784'],
			trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
			lines: [{ storeLineId: `gid://shopify/LineItem/${line.n}`, quantity: line.quantity }],
			notifyCustomer: true,
			isComplete: true
		};
		const key = { storeOrderId: `gid://shopify/Order/${order.n}`, number: '#1101' };
		const done = await adapter().markShipped(key, shipment);
		expect(done).toMatchObject({
			ok: true,
			value: { wasAlreadyThere: false, message: 'Shopify told: fulfilled, UPS 1Z999AA10123456784' }
		});
		const again = await adapter().markShipped(key, shipment);
		expect(again).toMatchObject({ ok: true, value: { wasAlreadyThere: true } });
		expect(order.fulfillments).toHaveLength(1);
		expect(order.fulfillments[0]).toMatchObject({
			company: 'UPS',
			numbers: ['1Z999AA10123456784'],
			notifyCustomer: true
		});
		const requests = await kit.requests();
		const operations = requests.map(
			(r) => /^\w+ (\w+)/.exec((r.body as { query: string }).query)?.[1]
		);
		expect(operations).toEqual([
			'FulfillmentOrdersForOrder',
			'FulfillmentCreate',
			'FulfillmentOrdersForOrder'
		]);
		expect((requests[1]?.body as { variables: unknown }).variables).toEqual({
			fulfillment: {
				lineItemsByFulfillmentOrder: [
					{
						fulfillmentOrderId: `gid://shopify/FulfillmentOrder/${order.n}`,
						fulfillmentOrderLineItems: [
							{ id: `gid://shopify/FulfillmentOrderLineItem/${line.n}`, quantity: line.quantity }
						]
					}
				],
				trackingInfo: {
					company: 'UPS',
					numbers: ['1Z999AA10123456784'],
					urls: ['https://www.ups.com/track?tracknum=1Z999AA10123456784']
				},
				notifyCustomer: true
			}
		});
	});

	it('a lost answer to fulfillmentCreate is transient; asking again finds the fulfilment and adds none', async () => {
		const [order] = addStoreOrders(kit.sim, 'shopify', 1);
		const line = order?.lines[0];
		if (!order || !line) throw new Error('no order');
		const shipment = {
			carrier: 'USPS',
			trackingNumbers: ['9400111899223100012345'],
			lines: [{ storeLineId: `gid://shopify/LineItem/${line.n}`, quantity: 1 }],
			notifyCustomer: false,
			isComplete: false
		};
		const key = { storeOrderId: `gid://shopify/Order/${order.n}`, number: '#1101' };
		storeState(kit.sim, 'shopify').faults.dropWriteAnswers = true;
		expect(await adapter().markShipped(key, shipment)).toMatchObject({
			ok: false,
			error: { code: 'transient' }
		});
		storeState(kit.sim, 'shopify').faults = {};
		expect(await adapter().markShipped(key, shipment)).toMatchObject({
			ok: true,
			value: { wasAlreadyThere: true }
		});
		expect(order.fulfillments).toHaveLength(1);
	});
});

/** A second handler set on the same server with a smaller bucket (msw uses the newest first). */
function useBucket(maximumAvailable: number, restoreRate: number) {
	kit.server.use(
		...shopifyHandlers(kit.sim, {
			clockMs: () => kit.clock.ms,
			bucket: { maximumAvailable, restoreRate }
		})
	);
	return adapter();
}

async function drainWith(
	adapterUnderTest: ReturnType<typeof adapter>,
	cursor: SyncCursor
): Promise<string[]> {
	const numbers: string[] = [];
	let next: SyncCursor | null = cursor;
	while (next) {
		const page = await adapterUnderTest.listOrdersSince(next);
		if (!page.ok) throw new Error(page.error.message);
		numbers.push(...page.value.orders.map((o) => o.number));
		next = page.value.next;
	}
	return numbers;
}
