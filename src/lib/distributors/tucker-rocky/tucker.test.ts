import { describe, expect, it } from 'vitest';
import {
	CUST,
	KEY,
	params,
	request,
	useTuckerSimulator
} from '$test-support/distributors/tucker-kit';

const kit = useTuckerSimulator();
const { sim } = kit;
const AUTH = [
	['apikey', KEY],
	['cust', CUST],
	['output', 'JSON']
];

describe('Tucker Rocky adapter against its simulator: happy paths', () => {
	it('validates with one INV GET and warns that a credit card must be on file', async () => {
		const checked = await kit.adapter().validateCredentials();
		expect(checked).toMatchObject({ ok: true, value: { accountLabel: 'Customer 123456' } });
		if (checked.ok) expect(checked.value.warnings.join(' ')).toMatch(/credit card is on file/);
		const [call, ...rest] = kit.requests();
		expect(rest).toHaveLength(0);
		expect(call?.method).toBe('GET');
		expect(`${call?.url.origin}${call?.url.pathname}`).toBe('https://api.tucker.com/bin/trws');
		expect(params(call?.url)).toEqual([...AUTH, ['type', 'INV'], ['item', '160942']]);
		expect(call?.headers.get('authorization')).toBeNull();
	});

	it('reports stock per DC with 9 meaning "9 or more", dealer cost, and unknown items', async () => {
		const stock = await kit.adapter().getStock(['160942', 'BA-0006', 'NOPE01']);
		expect(stock.ok).toBe(true);
		if (!stock.ok) return;
		const [first, dashed, unknown] = stock.value;
		expect(first).toMatchObject({ found: true, totalQty: 12, capped: true, costCents: 2150 });
		expect(first?.warehouses.slice(0, 3)).toEqual([
			{ code: 'TX', qty: 9, capped: true },
			{ code: 'PA', qty: 3, capped: false },
			{ code: 'OR', qty: 0, capped: false }
		]);
		expect(first?.warehouses.map((w) => w.code)).toEqual([
			'TX',
			'PA',
			'OR',
			'CO',
			'FL',
			'IL',
			'CA'
		]);
		expect(dashed).toMatchObject({ sku: 'BA-0006', found: true, totalQty: 3, costCents: 11997 });
		expect(unknown).toMatchObject({ sku: 'NOPE01', found: false, totalQty: 0, warehouses: [] });
		const items = ['160942', 'BA0006', 'NOPE01'].map((i) => ['item', i]);
		expect(kit.requests().map((c) => params(c.url))).toEqual([
			[...AUTH, ['type', 'INV'], ...items],
			[...AUTH, ['type', 'PRC'], ...items]
		]);
	});

	it('places an order with one GET carrying exactly the documented parameters', async () => {
		const placed = await kit.adapter().placeDropShipOrder(
			request({
				lines: [
					{ lineNo: 1, sku: '160942', quantity: 2 },
					{ lineNo: 2, sku: 'BA-0006', quantity: 1 }
				],
				note: 'Leave at the back door'
			})
		);
		expect(placed).toMatchObject({
			ok: true,
			value: {
				poNumber: 'PO-3001',
				distributorRefs: [expect.stringMatching(/^\d{7}$/)],
				lines: [
					{ lineNo: 1, sku: '160942', outcome: 'accepted', quantity: 2 },
					{ lineNo: 2, sku: 'BA-0006', outcome: 'accepted', quantity: 1 }
				]
			}
		});
		const [call, ...rest] = kit.requests();
		expect(rest).toHaveLength(0);
		expect(call?.method).toBe('GET');
		expect(params(call?.url)).toEqual([
			...AUTH,
			['type', 'ORD'],
			['name', 'Dana Ruiz'],
			['address1', '12 Canyon Rd'],
			['address2', 'Apt 4'],
			['city', 'Boise'],
			['state', 'ID'],
			['zip', '83702'],
			['po', 'PO-3001'],
			['allowduplicatepo', 'NO'],
			['carrier', 'UG'],
			['splitlines', 'YES'],
			['submit', 'YES'],
			['line', '160942,2'],
			['line', 'BA0006,1'],
			['invoiceNote', 'Leave at the back door']
		]);
		expect(sim.countOrders('tucker', 'PO-3001')).toBe(1);
	});

	it('reports backordered and refused lines of an accepted order per line', async () => {
		const placed = await kit.adapter().placeDropShipOrder(
			request({
				lines: [
					{ lineNo: 1, sku: '160942', quantity: 1 },
					{ lineNo: 2, sku: '550123', quantity: 2 },
					{ lineNo: 3, sku: 'ZZ9999', quantity: 1 }
				]
			})
		);
		expect(placed).toMatchObject({
			ok: true,
			value: {
				lines: [
					{ lineNo: 1, outcome: 'accepted' },
					{ lineNo: 2, outcome: 'backordered', message: expect.stringMatching(/2 of 2/) },
					{ lineNo: 3, outcome: 'rejected', message: 'ZZ9999: Invalid item number' }
				]
			}
		});
	});

	it('follows an order split over two DCs to two shipments with their own tracking', async () => {
		const placed = await kit
			.adapter()
			.placeDropShipOrder(request({ lines: [{ lineNo: 1, sku: 'BA0006', quantity: 3 }] }));
		if (!placed.ok) throw new Error(placed.error.message);
		const refs = placed.value.distributorRefs;
		expect(await kit.adapter().getOrderStatus('PO-3001', refs)).toEqual({
			ok: true,
			value: { poNumber: 'PO-3001', status: 'open', distributorRefs: refs, shipments: [] }
		});
		sim.advanceHours(31);
		const shipped = await kit.adapter().getOrderStatus('PO-3001', refs);
		expect(shipped).toMatchObject({ ok: true, value: { status: 'shipped' } });
		if (!shipped.ok) return;
		const { shipments } = shipped.value;
		expect(shipments.map((s) => s.warehouse)).toEqual(['OR', 'CO']);
		for (const s of shipments) {
			expect(s).toMatchObject({ carrier: 'UPS', service: 'UPS', lines: [{ sku: 'BA0006' }] });
			expect(s.trackingNumbers).toEqual([expect.stringMatching(/^1Z[0-9A-Z]{16}$/)]);
			expect(s.shipDate).toMatch(/^2025-03-0[45]T00:00:00.000Z$/);
		}
		expect(shipments[0]?.trackingNumbers).not.toEqual(shipments[1]?.trackingNumbers);
		expect(shipments.map((s) => s.lines[0]?.quantity).sort()).toEqual([1, 2]);
		const last = kit.requests().at(-1);
		expect(params(last?.url)).toEqual([...AUTH, ['type', 'SHP'], ['ordernum', refs[0]]]);
		sim.advanceHours(30);
		expect(await kit.adapter().getOrderStatus('PO-3001', refs)).toMatchObject({
			value: { status: 'invoiced' }
		});
	});

	it('ships the stocked line first and the backordered one a week later', async () => {
		const placed = await kit.adapter().placeDropShipOrder(
			request({
				lines: [
					{ lineNo: 1, sku: '160942', quantity: 1 },
					{ lineNo: 2, sku: '550123', quantity: 1 }
				]
			})
		);
		if (!placed.ok) throw new Error(placed.error.message);
		const refs = placed.value.distributorRefs;
		sim.advanceHours(31);
		const partly = await kit.adapter().getOrderStatus('PO-3001', refs);
		expect(partly).toMatchObject({ value: { status: 'partially_shipped' } });
		if (partly.ok) expect(partly.value.shipments).toHaveLength(1);
		sim.advanceHours(24 * 10);
		const all = await kit.adapter().getOrderStatus('PO-3001', refs);
		expect(all).toMatchObject({ value: { status: 'invoiced' } });
		if (all.ok) expect(all.value.shipments).toHaveLength(2);
	});

	it('a lookup without an order number sends no ORD and answers "cannot check"', async () => {
		const placed = await kit.adapter().placeDropShipOrder(request());
		if (!placed.ok) throw new Error(placed.error.message);
		const before = kit.requests().length;
		for (const lookup of [
			await kit.adapter().findOrderByPoNumber('PO-3001'),
			await kit.adapter().getOrderStatus('PO-3001')
		]) {
			expect(lookup).toEqual({
				ok: false,
				error: {
					code: 'not_supported',
					message: expect.stringMatching(
						/cannot tell whether PO PO-3001 reached them\. Ask your Tucker Rocky sales representative/
					)
				}
			});
		}
		// Nothing was sent for the lookups, and no ORD other than the one placement ever.
		expect(kit.requests()).toHaveLength(before);
		const ords = kit
			.requests()
			.filter((r) => params(r.url).some(([k, v]) => k === 'type' && v === 'ORD'));
		expect(ords).toHaveLength(1);
		expect(ords.flatMap((r) => params(r.url)).filter(([k]) => k === 'submit')).toEqual([
			['submit', 'YES']
		]);
		expect(sim.countOrders('tucker', 'PO-3001')).toBe(1);
	});

	it('says not_found for an ordernum Tucker does not hold', async () => {
		expect(await kit.adapter().getOrderStatus('PO-NONE', ['7999999'])).toMatchObject({
			ok: false,
			error: { code: 'not_found', detail: 'Order number not found' }
		});
	});

	it('cannot cancel through the API and names who to contact', async () => {
		expect(await kit.adapter().cancelOrder('PO-3001')).toEqual({
			ok: false,
			error: {
				code: 'not_supported',
				message: expect.stringMatching(/Tucker Rocky sales representative.*PO-3001/)
			}
		});
		expect(kit.requests()).toHaveLength(0);
	});

	it('tells the dealer which field to shorten before sending anything', async () => {
		const note = 'x'.repeat(56);
		expect(await kit.adapter().placeDropShipOrder(request({ note }))).toMatchObject({
			ok: false,
			error: { code: 'validation', field: 'note', message: expect.stringMatching(/55/) }
		});
		const poNumber = 'P'.repeat(21);
		expect(await kit.adapter().placeDropShipOrder(request({ poNumber }))).toMatchObject({
			ok: false,
			error: { code: 'validation', field: 'poNumber' }
		});
		expect(kit.requests()).toHaveLength(0);
	});

	it('never writes the API key into the audit log', async () => {
		await kit.adapter().validateCredentials();
		await kit.adapter().placeDropShipOrder(request());
		expect(kit.audit).toHaveLength(2);
		for (const entry of kit.audit) {
			expect(entry.url).toContain('apikey=***');
			expect(entry.url).not.toContain(KEY);
		}
		expect(JSON.stringify(kit.audit)).not.toContain(KEY);
		expect(kit.audit[1]).toMatchObject({ operation: 'placeOrder', poNumber: 'PO-3001', ok: true });
	});

	it('talks to the test host when asked', async () => {
		const checked = await kit
			.adapter(KEY, CUST, { baseUrl: 'https://apitest.tucker.com/bin/trws' })
			.validateCredentials();
		expect(checked.ok).toBe(true);
		expect(kit.requests()[0]?.url.host).toBe('apitest.tucker.com');
	});
});
