import { describe, expect, it } from 'vitest';
import { addStoreOrders, storeState } from '../sim-store';
import { drainOrders, useStoreSimulator } from '$test-support/storefronts/store-kit';
import type { SyncCursor } from '../types';
import { createWooCommerceAdapter } from './index';
import { wooHandlers } from './mocks';

const STORE = 'https://shop.ridgeline.example';
const KEYS = { consumerKey: 'ck_demo_0000', consumerSecret: 'cs_demo_0000' };
const SINCE = '2025-03-01T00:00:00.000Z';

const kit = useStoreSimulator((sim) => wooHandlers(sim));
const adapter = (shop = STORE, keys = KEYS) =>
	createWooCommerceAdapter(kit.deps({ shop, ...keys }));

const drain = (cursor: SyncCursor) => drainOrders(adapter, cursor);

describe('WooCommerce adapter against its simulator', () => {
	it('tests the connection with Basic auth over HTTPS', async () => {
		expect(await adapter().testConnection()).toEqual({
			ok: true,
			value: { shopName: 'shop.ridgeline.example' }
		});
		const [request] = await kit.requests();
		expect(request?.url.href).toBe(`${STORE}/wp-json/wc/v3/system_status`);
		expect(request?.headers.get('authorization')).toBe(
			`Basic ${btoa('ck_demo_0000:cs_demo_0000')}`
		);
	});

	it('refuses a plain http store before sending anything, and a refused key in words', async () => {
		expect(await adapter('http://shop.ridgeline.example').testConnection()).toMatchObject({
			ok: false,
			error: { code: 'validation', field: 'shop' }
		});
		expect(await kit.requests()).toHaveLength(0);
		const refused = await adapter(STORE, {
			consumerKey: 'ck_live',
			consumerSecret: 'cs_live'
		}).testConnection();
		expect(refused).toMatchObject({ ok: false, error: { code: 'auth' } });
	});

	it('250 orders come over 3 pages of 100, following X-WP-TotalPages, each once', async () => {
		addStoreOrders(kit.sim, 'woocommerce', 250);
		const numbers = await drain({ since: SINCE });
		expect(numbers).toHaveLength(250);
		expect(new Set(numbers).size).toBe(250);
		const requests = await kit.requests();
		expect(requests).toHaveLength(3);
		expect(requests.map((r) => r.url.pathname)).toEqual(Array(3).fill('/wp-json/wc/v3/orders'));
		expect(Object.fromEntries(requests[0]?.url.searchParams ?? [])).toEqual({
			status: 'processing,cancelled',
			modified_after: SINCE,
			per_page: '100',
			page: '1',
			orderby: 'id',
			order: 'asc'
		});
		expect(requests.map((r) => r.url.searchParams.get('page'))).toEqual(['1', '2', '3']);
	});

	it('a 429 in the middle is rate_limited with Retry-After; the cursor resumes at that page', async () => {
		addStoreOrders(kit.sim, 'woocommerce', 250);
		const first = await adapter().listOrdersSince({ since: SINCE });
		if (!first.ok || !first.value.next) throw new Error('no first page');
		storeState(kit.sim, 'woocommerce').faults.refuseAfterCalls = 1;
		expect(await adapter().listOrdersSince(first.value.next)).toMatchObject({
			ok: false,
			error: { code: 'rate_limited', retryAfterMs: 30_000 }
		});
		storeState(kit.sim, 'woocommerce').faults = {};
		const rest = await drain(first.value.next);
		expect(rest).toHaveLength(150);
	});

	it('store notifies: a customer note per shipment, and Completed (private note) on the last one', async () => {
		const [order] = addStoreOrders(kit.sim, 'woocommerce', 1);
		if (!order) throw new Error('no order');
		const key = { storeOrderId: String(order.n), number: String(order.number) };
		const base = { carrier: 'UPS', lines: [], notifyCustomer: true };
		const partial = await adapter().markShipped(key, {
			...base,
			trackingNumbers: ['1Z999AA10123456784'],
			trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
			isComplete: false
		});
		expect(partial).toMatchObject({
			ok: true,
			value: { message: 'WooCommerce told: note added, UPS 1Z999AA10123456784' }
		});
		const last = await adapter().markShipped(key, {
			...base,
			trackingNumbers: ['1Z999AA10123456785'],
			isComplete: true
		});
		expect(last).toMatchObject({
			ok: true,
			value: { message: 'WooCommerce told: completed, UPS 1Z999AA10123456785' }
		});
		expect(order.wooStatus).toBe('completed');
		expect(order.notes.map((n) => n.isCustomerNote)).toEqual([true, false]);
		expect(storeState(kit.sim, 'woocommerce').buyerEmails.map((e) => e.kind)).toEqual([
			'customer note',
			'completed order'
		]);
		const writes = (await kit.requests()).filter((r) => r.method !== 'GET');
		expect(writes.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
			`POST /wp-json/wc/v3/orders/${order.n}/notes`,
			`POST /wp-json/wc/v3/orders/${order.n}/notes`,
			`PUT /wp-json/wc/v3/orders/${order.n}`
		]);
		expect(writes[0]?.body).toEqual({
			note: 'Shipped with UPS, tracking 1Z999AA10123456784. Track it: https://www.ups.com/track?tracknum=1Z999AA10123456784',
			customer_note: true
		});
		expect(writes[2]?.body).toEqual({ status: 'completed' });
	});

	it('a note already carrying the number is not added again; a cancelled order is not completed', async () => {
		const [order] = addStoreOrders(kit.sim, 'woocommerce', 1);
		if (!order) throw new Error('no order');
		const key = { storeOrderId: String(order.n), number: String(order.number) };
		const shipment = {
			carrier: 'UPS',
			lines: [],
			notifyCustomer: false,
			trackingNumbers: ['1Z9'],
			isComplete: false
		};
		storeState(kit.sim, 'woocommerce').faults.dropWriteAnswers = true;
		expect(await adapter().markShipped(key, shipment)).toMatchObject({
			ok: false,
			error: { code: 'transient' }
		});
		storeState(kit.sim, 'woocommerce').faults = {};
		expect(await adapter().markShipped(key, shipment)).toMatchObject({
			ok: true,
			value: { wasAlreadyThere: true }
		});
		expect(order.notes).toHaveLength(1);
		order.wooStatus = 'cancelled';
		expect(
			await adapter().markShipped(key, { ...shipment, trackingNumbers: ['1Z8'], isComplete: true })
		).toMatchObject({
			ok: false,
			error: { code: 'conflict' }
		});
		expect(order.wooStatus).toBe('cancelled');
	});
});
