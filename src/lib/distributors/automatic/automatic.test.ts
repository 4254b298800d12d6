import { describe, expect, it } from 'vitest';
import {
	BASE,
	request,
	TOKEN,
	useAutomaticSimulator
} from '$test-support/distributors/automatic-kit';

const kit = useAutomaticSimulator();
const { sim } = kit;

describe('Automatic adapter against its (shape-invented) simulator: happy paths', () => {
	it('validates the token with one stock call and warns the API shape is unverified', async () => {
		const checked = await kit.adapter().validateCredentials();
		expect(checked).toMatchObject({ ok: true });
		if (checked.ok) expect(checked.value.warnings.join(' ')).toMatch(/API document/);
		const [call, ...rest] = await kit.requests();
		expect(rest).toHaveLength(0);
		expect(`${call?.method} ${call?.url.href}`).toBe(`GET ${BASE}/inventory?sku=A0000001`);
		expect(call?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
	});

	it('reports stock per warehouse with dealer cost; unknown SKUs are found: false', async () => {
		const stock = await kit.adapter().getStock(['A1000001', 'NOPE']);
		expect(stock).toEqual({
			ok: true,
			value: [
				{
					sku: 'A1000001',
					found: true,
					totalQty: 12,
					warehouses: [{ code: 'MAIN', qty: 12, capped: false }],
					capped: false,
					costCents: 3450
				},
				{ sku: 'NOPE', found: false, totalQty: 0, warehouses: [], capped: false }
			]
		});
		const [call] = await kit.requests();
		expect(call?.url.search).toBe('?sku=A1000001&sku=NOPE');
	});

	it('places an order with one POST carrying exactly the documented-so-far fields', async () => {
		const placed = await kit.adapter().placeDropShipOrder(
			request({
				lines: [
					{ lineNo: 1, sku: 'A1000001', quantity: 2 },
					{ lineNo: 2, sku: 'A1000003', quantity: 1 }
				],
				note: 'Gate code 1234'
			})
		);
		expect(placed).toEqual({
			ok: true,
			value: {
				poNumber: 'PO-4001',
				distributorRefs: [expect.stringMatching(/^S\d{7}$/)],
				lines: [
					{ lineNo: 1, sku: 'A1000001', quantity: 2, outcome: 'accepted' },
					{
						lineNo: 2,
						sku: 'A1000003',
						quantity: 1,
						outcome: 'backordered',
						message: '1 of 1 on backorder at Automatic Distributors'
					}
				]
			}
		});
		const [call, ...rest] = await kit.requests();
		expect(rest).toHaveLength(0);
		expect(`${call?.method} ${call?.url.href}`).toBe(`POST ${BASE}/order/create`);
		expect(call?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
		expect(call?.body).toEqual({
			header: {
				ponumber: 'PO-4001',
				shipVia: 'GROUND',
				allowBackorder: true,
				notes: 'Gate code 1234'
			},
			shipToAddress: {
				name: 'Lee Park',
				company: 'Park Offroad',
				address1: '77 Dune Way',
				city: 'Reno',
				state: 'NV',
				zip: '89501',
				country: 'US',
				phone: '775-555-0100',
				classification: 'RESIDENTIAL'
			},
			lines: [
				{ lineNumber: 1, sku: 'A1000001', quantity: 2 },
				{ lineNumber: 2, sku: 'A1000003', quantity: 1 }
			]
		});
		expect(sim.countOrders('automatic', 'PO-4001')).toBe(1);
	});

	it('follows the order generations: 00 ships, the backorder becomes 01 and ships later', async () => {
		const placed = await kit.adapter().placeDropShipOrder(
			request({
				lines: [
					{ lineNo: 1, sku: 'A1000001', quantity: 1 },
					{ lineNo: 2, sku: 'A1000003', quantity: 1 }
				]
			})
		);
		if (!placed.ok) throw new Error(placed.error.message);
		const ref = placed.value.distributorRefs[0];
		expect(await kit.adapter().getOrderStatus('PO-4001')).toEqual({
			ok: true,
			value: { poNumber: 'PO-4001', status: 'open', distributorRefs: [ref], shipments: [] }
		});
		sim.advanceHours(49);
		const partly = await kit.adapter().getOrderStatus('PO-4001');
		expect(partly).toMatchObject({ ok: true, value: { status: 'partially_shipped' } });
		if (partly.ok) {
			expect(partly.value.shipments).toEqual([
				expect.objectContaining({
					distributorRef: `${ref}-00`,
					trackingNumbers: [expect.stringMatching(/^(1Z[0-9A-Z]{16}|\d{12}|\d{15}|\d{9})$/)],
					warehouse: 'MAIN',
					lines: [{ sku: 'A1000001', quantity: 1 }]
				})
			]);
		}
		sim.advanceHours(24 * 11);
		const done = await kit.adapter().getOrderStatus('PO-4001');
		expect(done).toMatchObject({ ok: true, value: { status: 'invoiced' } });
		if (done.ok) {
			expect(done.value.shipments.map((s) => s.distributorRef)).toEqual([`${ref}-00`, `${ref}-01`]);
			expect(done.value.shipments[1]?.lines).toEqual([{ sku: 'A1000003', quantity: 1 }]);
		}
		const lookup = (await kit.requests()).at(-1);
		expect(lookup?.url.pathname).toBe('/v2/order/lookup');
		expect(Object.fromEntries(lookup?.url.searchParams ?? [])).toEqual({
			ponumber: 'PO-4001',
			startDate: '2024-03-17',
			endDate: '2025-03-17'
		});
	});

	it('finds an order by PO for reconciliation, and says null when there is none', async () => {
		expect(await kit.adapter().findOrderByPoNumber('PO-4001')).toEqual({ ok: true, value: null });
		const placed = await kit.adapter().placeDropShipOrder(request());
		if (!placed.ok) throw new Error(placed.error.message);
		expect(await kit.adapter().findOrderByPoNumber('PO-4001')).toEqual({
			ok: true,
			value: { poNumber: 'PO-4001', distributorRefs: placed.value.distributorRefs, status: 'open' }
		});
		expect(await kit.adapter().getOrderStatus('PO-NONE')).toMatchObject({
			ok: false,
			error: { code: 'not_found' }
		});
	});

	it('checks the PO before sending: at most 22 printable ASCII characters', async () => {
		for (const poNumber of ['P'.repeat(23), 'PO-4001-ñ', '']) {
			expect(await kit.adapter().placeDropShipOrder(request({ poNumber }))).toMatchObject({
				ok: false,
				error: { code: 'validation', field: 'poNumber' }
			});
		}
		expect(await kit.requests()).toHaveLength(0);
	});

	it('refuses a CARB-restricted part shipped to California, naming the line', async () => {
		const shipTo = { ...request().shipTo, city: 'Fresno', state: 'CA', postalCode: '93650' };
		const placed = await kit
			.adapter()
			.placeDropShipOrder(
				request({ shipTo, lines: [{ lineNo: 1, sku: 'CARB-100', quantity: 1 }] })
			);
		expect(placed).toEqual({
			ok: false,
			error: {
				code: 'validation',
				message: expect.stringMatching(/not CARB compliant/),
				field: 'lines',
				detail: 'Item CARB-100 is not CARB compliant and cannot ship to California.'
			}
		});
		expect(sim.countOrders('automatic', 'PO-4001')).toBe(0);
		const elsewhere = await kit
			.adapter()
			.placeDropShipOrder(request({ lines: [{ lineNo: 1, sku: 'CARB-100', quantity: 1 }] }));
		expect(elsewhere.ok).toBe(true);
	});

	it('cannot cancel by default and names customer service', async () => {
		expect(await kit.adapter().cancelOrder('PO-4001')).toEqual({
			ok: false,
			error: {
				code: 'not_supported',
				message: expect.stringMatching(/Custserv@autodist.com.*PO-4001/)
			}
		});
		expect(await kit.requests()).toHaveLength(0);
	});
});
