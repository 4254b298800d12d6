import { describe, expect, it } from 'vitest';
import { DEALER, KEY, request, usePuSimulator } from '$test-support/distributors/pu-kit';

const kit = usePuSimulator();
const { sim } = kit;

describe('Parts Unlimited adapter against its simulator: happy paths', () => {
	it('validates the key with one pricing call and warns about drop-ship being enabled', async () => {
		const checked = await kit.adapter().validateCredentials();
		expect(checked).toMatchObject({ ok: true, value: { accountLabel: 'Dealer 12345' } });
		if (checked.ok) expect(checked.value.warnings.join(' ')).toMatch(/Drop-ship is enabled/);
		const [call] = await kit.requests();
		expect(call?.url.href).toBe('https://api.parts-unlimited.com/api/v1/parts/pricing/1401-1193');
		expect(call?.headers.get('api-key')).toBe(KEY);
		expect(call?.headers.get('authorization')).toBeNull();
	});

	it('reports stock per warehouse with dealer cost; unknown parts are found: false', async () => {
		const stock = await kit.adapter().getStock(['1401-1193', '01010002', 'NOPE-1']);
		expect(stock.ok).toBe(true);
		if (!stock.ok) return;
		const [first, plainForm, unknown] = stock.value;
		expect(first).toMatchObject({ found: true, totalQty: 16, capped: false, costCents: 2150 });
		expect(first?.warehouses).toEqual([
			{ code: 'WI', qty: 14, capped: false },
			{ code: 'NY', qty: 0, capped: false },
			{ code: 'TX', qty: 0, capped: false },
			{ code: 'NV', qty: 2, capped: false },
			{ code: 'NC', qty: 0, capped: false }
		]);
		expect(plainForm).toMatchObject({ sku: '01010002', found: true, totalQty: 3, costCents: 995 });
		expect(unknown).toMatchObject({ found: false, totalQty: 0, warehouses: [] });
		const paths = (await kit.requests()).map((c) => c.url.pathname);
		expect(paths).toEqual([
			'/api/v1/parts/inventory/1401-1193,01010002,NOPE-1',
			'/api/v1/parts/pricing/1401-1193,01010002,NOPE-1'
		]);
	});

	it('asks for stock in batches of 25', async () => {
		const skus = Array.from({ length: 30 }, (_, i) => `9999-${String(i).padStart(4, '0')}`);
		const stock = await kit.adapter().getStock(skus);
		expect(stock).toMatchObject({ ok: true });
		if (stock.ok) expect(stock.value).toHaveLength(30);
		expect(kit.audit.filter((a) => a.operation === 'getStock')).toHaveLength(2);
	});

	it('places an order with one POST carrying exactly the documented fields', async () => {
		const placed = await kit.adapter().placeDropShipOrder(
			request({
				lines: [
					{ lineNo: 1, sku: '1401-1193', quantity: 2 },
					{ lineNo: 2, sku: '2103-0174', quantity: 4 }
				]
			})
		);
		expect(placed).toMatchObject({
			ok: true,
			value: {
				poNumber: 'PO-2001',
				distributorRefs: [expect.stringMatching(/^\d+$/)],
				lines: [
					{ lineNo: 1, outcome: 'accepted', quantity: 2 },
					{ lineNo: 2, outcome: 'backordered', quantity: 4 }
				]
			}
		});
		const [call, ...rest] = await kit.requests();
		expect(rest).toHaveLength(0);
		expect(`${call?.method} ${call?.url.href}`).toBe(
			'POST https://api.parts-unlimited.com/api/orders/dropship'
		);
		expect(call?.headers.get('api-key')).toBe(KEY);
		expect(call?.body).toEqual({
			dealer_number: DEALER,
			order_type: 'DS',
			purchase_order_number: 'PO-2001',
			shipping_method: 'ground',
			validate_price: false,
			cancellation_policy: 'back_order',
			ship_to_address: {
				name: 'Sam Hill',
				company: 'Hill Racing',
				address_line_1: '400 Main St',
				address_line_2: 'Unit 2',
				city: 'Janesville',
				state: 'WI',
				postal_code: '53545',
				country: 'US'
			},
			line_items: [
				{ line_number: 1, part_number: '1401-1193', quantity: 2 },
				{ line_number: 2, part_number: '2103-0174', quantity: 4 }
			]
		});
		expect(sim.countOrders('pu', 'PO-2001')).toBe(1);
	});

	it('refuses a PO over 20 characters before sending, naming the field', async () => {
		const placed = await kit
			.adapter()
			.placeDropShipOrder(request({ poNumber: 'PO-2025-03-03-000123' + '4' }));
		expect(placed).toMatchObject({ ok: false, error: { code: 'validation', field: 'poNumber' } });
		if (!placed.ok) expect(placed.error.message).toMatch(/at most 20 characters for po number/);
		expect(await kit.requests()).toHaveLength(0);
	});

	it('follows an order to two shipments from two warehouses, then invoiced', async () => {
		const adapter = kit.adapter();
		await adapter.placeDropShipOrder(
			request({
				lines: [
					{ lineNo: 1, sku: '1401-1193', quantity: 2 },
					{ lineNo: 2, sku: '0101-0002', quantity: 1 }
				]
			})
		);
		expect(await adapter.getOrderStatus('PO-2001')).toMatchObject({
			ok: true,
			value: { status: 'open', shipments: [] }
		});
		const listCall = (await kit.requests()).at(-1);
		expect(listCall?.url.pathname).toBe('/api/v2/orders/dropship');
		expect(listCall?.url.searchParams.get('order_date_end')).toBe('2025-03-04');
		expect(listCall?.url.searchParams.get('page_num')).toBe('1');

		sim.advanceHours(30);
		const shipped = await adapter.getOrderStatus('PO-2001');
		expect(shipped.ok).toBe(true);
		if (!shipped.ok) return;
		expect(shipped.value.status).toBe('shipped');
		expect(shipped.value.shipments).toHaveLength(2);
		const [a, b] = shipped.value.shipments;
		expect(a).toMatchObject({ warehouse: 'WI', lines: [{ sku: '1401-1193', quantity: 2 }] });
		expect(b).toMatchObject({ warehouse: 'NC', lines: [{ sku: '0101-0002', quantity: 1 }] });
		expect(a?.trackingNumbers).not.toEqual(b?.trackingNumbers);
		for (const s of shipped.value.shipments) expect(['UPS', 'FedEx']).toContain(s.carrier);
		expect(await adapter.getOrderStatus('PO-2001')).toEqual(shipped);

		sim.advanceHours(48);
		expect(await adapter.getOrderStatus('PO-2001')).toMatchObject({
			ok: true,
			value: { status: 'invoiced' }
		});
	});

	it('shows a backordered line as backordered, then partially shipped', async () => {
		const adapter = kit.adapter();
		await adapter.placeDropShipOrder(
			request({
				lines: [
					{ lineNo: 1, sku: '1401-1193', quantity: 1 },
					{ lineNo: 2, sku: '2103-0174', quantity: 5 }
				]
			})
		);
		expect(await adapter.getOrderStatus('PO-2001')).toMatchObject({
			ok: true,
			value: { status: 'backordered' }
		});
		sim.advanceHours(30);
		expect(await adapter.getOrderStatus('PO-2001')).toMatchObject({
			ok: true,
			value: { status: 'partially_shipped', shipments: [{ warehouse: 'WI' }] }
		});
		sim.advanceHours(24 * 11);
		expect(await adapter.getOrderStatus('PO-2001')).toMatchObject({
			ok: true,
			value: { status: 'invoiced' }
		});
	});

	it('finds an order by PO, null when there is none; not_found on status', async () => {
		const adapter = kit.adapter();
		expect(await adapter.findOrderByPoNumber('PO-2001')).toEqual({ ok: true, value: null });
		const placed = await adapter.placeDropShipOrder(request());
		expect(await adapter.findOrderByPoNumber('PO-2001')).toEqual({
			ok: true,
			value: {
				poNumber: 'PO-2001',
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
		const cancelled = await kit.adapter().cancelOrder('PO-2001');
		expect(cancelled).toMatchObject({ ok: false, error: { code: 'not_supported' } });
		if (!cancelled.ok) expect(cancelled.error.message).toMatch(/sales representative.*PO-2001/);
	});

	it('audits every call without the key', async () => {
		await kit.adapter().getStock(['1401-1193']);
		await kit.adapter().placeDropShipOrder(request());
		expect(kit.audit.map((a) => a.operation)).toEqual([
			'getStock',
			'getStock.pricing',
			'placeOrder'
		]);
		expect(JSON.stringify(kit.audit)).not.toContain(KEY);
	});
});
