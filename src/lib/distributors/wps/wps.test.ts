import { describe, expect, it } from 'vitest';
import { request, TOKEN, useWpsSimulator } from '$test-support/distributors/wps-kit';

const kit = useWpsSimulator();
const { sim } = kit;

describe('WPS adapter against its simulator: happy paths', () => {
	it('validates the token with one cheap items call and warns about what it cannot check', async () => {
		const checked = await kit.adapter().validateCredentials();
		expect(checked.ok).toBe(true);
		if (!checked.ok) return;
		expect(checked.value.warnings.join(' ')).toMatch(/tax ID/);
		expect(checked.value.warnings.join(' ')).toMatch(/Order processing/);
		const [call] = await kit.requests();
		expect(call?.url.pathname).toBe('/items');
		expect(call?.url.searchParams.get('page[size]')).toBe('1');
		expect(call?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
	});

	it('reports stock per warehouse, capped at the configured figure, with dealer cost', async () => {
		const stock = await kit.adapter().getStock(['2-R0451B-8', 'NOPE-1']);
		expect(stock.ok).toBe(true);
		if (!stock.ok) return;
		const [known, unknown] = stock.value;
		expect(known).toMatchObject({ sku: '2-R0451B-8', found: true, capped: true, costCents: 1234 });
		expect(known?.warehouses.find((w) => w.code === 'CA')).toEqual({
			code: 'CA',
			qty: 25,
			capped: true
		});
		expect(known?.warehouses.find((w) => w.code === 'PA')).toEqual({
			code: 'PA',
			qty: 3,
			capped: false
		});
		expect(known?.totalQty).toBe(28);
		expect(unknown).toMatchObject({ sku: 'NOPE-1', found: false, totalQty: 0 });
		const calls = await kit.requests();
		expect(calls[0]?.url.searchParams.get('filter[sku]')).toBe('2-R0451B-8');
		expect(calls[0]?.url.searchParams.get('include')).toBe('inventory');
	});

	it('places an order: cart with the ship-to fields, one item call per line, submit', async () => {
		const placed = await kit.adapter().placeDropShipOrder(
			request({
				lines: [
					{ lineNo: 1, sku: '2-R0451B-8', quantity: 2 },
					{ lineNo: 2, sku: '87-4310', quantity: 1 }
				],
				note: 'Leave at back door'
			})
		);
		expect(placed).toMatchObject({
			ok: true,
			value: {
				poNumber: 'PO-1001',
				distributorRefs: [expect.stringMatching(/^\d+$/)],
				lines: [
					{ lineNo: 1, outcome: 'accepted', quantity: 2 },
					{ lineNo: 2, outcome: 'accepted', quantity: 1 }
				]
			}
		});
		const calls = await kit.requests();
		expect(calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual([
			'POST /carts',
			'POST /carts/PO-1001/items',
			'POST /carts/PO-1001/items',
			'POST /orders'
		]);
		expect(calls[0]?.body).toEqual({
			po_number: 'PO-1001',
			ship_name: 'Dana Rider',
			ship_address1: '12 Canyon Rd',
			ship_city: 'Boise',
			ship_state: 'ID',
			ship_zip: '83702',
			ship_phone: '2085550100',
			email: 'dana@example.com',
			ship_via: 'BEST',
			allow_backorder: true,
			multiple_warehouse: true,
			comment1: 'Leave at back door'
		});
		expect(calls[1]?.body).toEqual({ item_sku: '2-R0451B-8', quantity: 2 });
		expect(calls[3]?.body).toEqual({ po_number: 'PO-1001' });
		expect(calls.every((c) => c.headers.get('authorization') === `Bearer ${TOKEN}`)).toBe(true);
		expect(sim.countOrders('wps', 'PO-1001')).toBe(1);
	});

	it('tells the dealer which field to shorten before sending anything', async () => {
		const placed = await kit
			.adapter()
			.placeDropShipOrder(
				request({ shipTo: { ...request().shipTo, city: 'Rancho Santa Margarita' } })
			);
		expect(placed).toMatchObject({
			ok: false,
			error: { code: 'validation', field: 'shipTo.city' }
		});
		if (!placed.ok) expect(placed.error.message).toMatch(/at most 17 characters for city/);
		expect(await kit.requests()).toHaveLength(0);
	});

	it('follows an order from open to two shipments from two warehouses, then invoiced', async () => {
		const adapter = kit.adapter();
		await adapter.placeDropShipOrder(
			request({
				lines: [
					{ lineNo: 1, sku: '2-R0451B-8', quantity: 2 },
					{ lineNo: 2, sku: '370-6402X', quantity: 1 }
				]
			})
		);
		const open = await adapter.getOrderStatus('PO-1001');
		expect(open).toMatchObject({ ok: true, value: { status: 'open', shipments: [] } });
		if (open.ok) expect(open.value.distributorRefs).toHaveLength(2);

		sim.advanceHours(30);
		const shipped = await adapter.getOrderStatus('PO-1001');
		expect(shipped.ok).toBe(true);
		if (!shipped.ok) return;
		expect(shipped.value.status).toBe('shipped');
		const [first, second] = shipped.value.shipments;
		expect(first).toMatchObject({ warehouse: 'CA', lines: [{ sku: '2-R0451B-8', quantity: 2 }] });
		expect(second).toMatchObject({ warehouse: 'TX', lines: [{ sku: '370-6402X', quantity: 1 }] });
		expect(first?.distributorRef).not.toBe(second?.distributorRef);
		for (const shipment of shipped.value.shipments) {
			expect(shipment.carrier).not.toBe('Other');
			expect(shipment.shipDate).toMatch(/^2025-03-0\dT/);
			for (const n of shipment.trackingNumbers) {
				expect(n).toMatch(/^(1Z[0-9A-Z]{16}|\d{12}|\d{15}|92\d{20}|C\d{14})$/);
			}
		}
		// Same virtual time, same answer: the plan derives from the order's seed, not from timers.
		expect(await adapter.getOrderStatus('PO-1001')).toEqual(shipped);

		sim.advanceHours(48);
		expect(await adapter.getOrderStatus('PO-1001')).toMatchObject({
			ok: true,
			value: { status: 'invoiced' }
		});
	});

	it('backorders what is not in stock and ships it after the backorder', async () => {
		const adapter = kit.adapter();
		const placed = await adapter.placeDropShipOrder(
			request({ lines: [{ lineNo: 1, sku: '370-6402X', quantity: 5 }] })
		);
		expect(placed).toMatchObject({ ok: true, value: { lines: [{ outcome: 'backordered' }] } });
		sim.advanceHours(48);
		expect(await adapter.getOrderStatus('PO-1001')).toMatchObject({
			ok: true,
			value: { status: 'backordered' }
		});
		sim.advanceHours(24 * 11);
		expect(await adapter.getOrderStatus('PO-1001')).toMatchObject({
			ok: true,
			value: { status: 'invoiced', shipments: [{ warehouse: 'TX' }] }
		});
	});

	it('finds an order by PO for reconciliation, and says null when there is none', async () => {
		const adapter = kit.adapter();
		expect(await adapter.findOrderByPoNumber('PO-1001')).toEqual({ ok: true, value: null });
		const placed = await adapter.placeDropShipOrder(request());
		const found = await adapter.findOrderByPoNumber('PO-1001');
		expect(found).toEqual({
			ok: true,
			value: {
				poNumber: 'PO-1001',
				status: 'open',
				distributorRefs: placed.ok ? placed.value.distributorRefs : []
			}
		});
		expect(await adapter.getOrderStatus('PO-9')).toMatchObject({
			ok: false,
			error: { code: 'not_found' }
		});
	});

	it('cannot cancel: not_supported, naming who to contact', async () => {
		const cancelled = await kit.adapter().cancelOrder('PO-1001');
		expect(cancelled).toMatchObject({ ok: false, error: { code: 'not_supported' } });
		if (!cancelled.ok) expect(cancelled.error.message).toMatch(/webservices@wps-inc\.com.*PO-1001/);
	});

	it('submits the good lines and reports the refused ones', async () => {
		const placed = await kit.adapter().placeDropShipOrder(
			request({
				lines: [
					{ lineNo: 1, sku: '2-R0451B-8', quantity: 1 },
					{ lineNo: 2, sku: 'NOPE-1', quantity: 1 },
					{ lineNo: 3, sku: 'NLA-1000', quantity: 1 }
				]
			})
		);
		expect(placed).toMatchObject({
			ok: true,
			value: {
				lines: [
					{ lineNo: 1, outcome: 'accepted' },
					{
						lineNo: 2,
						outcome: 'rejected',
						message: expect.stringMatching(/NOPE-1: unknown part/)
					},
					{ lineNo: 3, outcome: 'rejected', message: expect.stringMatching(/no longer available/) }
				]
			}
		});
	});

	it('replaces a cart left behind by an attempt that died before submit', async () => {
		await fetch('https://api.wps-inc.com/carts', {
			method: 'POST',
			headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
			body: JSON.stringify({ po_number: 'PO-1001' })
		});
		const placed = await kit.adapter().placeDropShipOrder(request());
		expect(placed.ok).toBe(true);
		expect(sim.countOrders('wps', 'PO-1001')).toBe(1);
		const paths = (await kit.requests()).map((c) => `${c.method} ${c.url.pathname}`);
		expect(paths).toContain('DELETE /carts/PO-1001');
	});

	it('audits every call without the token', async () => {
		await kit.adapter().placeDropShipOrder(request());
		expect(kit.audit.map((a) => a.operation)).toEqual([
			'placeOrder.createCart',
			'placeOrder.addItem',
			'placeOrder.submit'
		]);
		expect(kit.audit.every((a) => a.poNumber === 'PO-1001')).toBe(true);
		expect(JSON.stringify(kit.audit)).not.toContain(TOKEN);
	});
});
