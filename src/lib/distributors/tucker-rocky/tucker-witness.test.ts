import { describe, expect, it } from 'vitest';
import {
	fixtureDeps,
	fixtureFetch,
	type FixtureRoute
} from '$test-support/distributors/fixture-fetch';
import ordRefused from './fixtures/ord-refused.json';
import inv from './fixtures/witness-inv.json';
import ordAccepted from './fixtures/witness-ord-accepted.json';
import prc from './fixtures/witness-prc.json';
import shp from './fixtures/witness-shp.json';
import {
	WitnessInv,
	WitnessOrdAccepted,
	WitnessPrc,
	WitnessShp
} from '$test-support/distributors/witness/tucker';
import { createTuckerRockyAdapter } from './index';
import { CUST, KEY, request, useTuckerSimulator } from '$test-support/distributors/tucker-kit';

/** trws answers shaped as public clients read them, fed straight to the adapter (no simulator). */
function adapterOver(routes: FixtureRoute[]) {
	const fixture = fixtureFetch(routes);
	const deps = fixtureDeps(fixture.fetch, { apiKey: KEY, customerNumber: CUST });
	return { adapter: createTuckerRockyAdapter(deps), fixture };
}

const TYPE = (type: string) => new RegExp(`[?&]type=${type}(&|$)`);

describe('Tucker witness fixtures', () => {
	it('are shaped as the public witnesses read them', () => {
		expect(WitnessInv.safeParse(inv).success).toBe(true);
		expect(WitnessPrc.safeParse(prc).success).toBe(true);
		expect(WitnessOrdAccepted.safeParse(ordAccepted).success).toBe(true);
		expect(WitnessShp.safeParse(shp).success).toBe(true);
	});

	it('reads INV and PRC items without itemnum, by position', async () => {
		const { adapter, fixture } = adapterOver([
			{ url: TYPE('INV'), body: inv },
			{ url: TYPE('PRC'), body: prc }
		]);
		expect(await adapter.getStock(['160942'])).toMatchObject({
			ok: true,
			value: [{ sku: '160942', found: true, totalQty: 21, capped: true, costCents: 11997 }]
		});
		// trws redirects are followed, as the public clients do.
		expect(fixture.requests.map((r) => r.redirect)).toEqual(['follow', 'follow']);
	});

	it('reads a one-item answer sent as the object itself', async () => {
		const single = { INV: { status: 'SUCCESSFUL', item: inv.INV.item[0] } };
		const { adapter } = adapterOver([
			{ url: TYPE('INV'), body: single },
			{ url: TYPE('PRC'), body: prc }
		]);
		expect(await adapter.getStock(['160942'])).toMatchObject({
			ok: true,
			value: [{ found: true, totalQty: 21 }]
		});
	});

	it('places an order from the witnessed ORD answer', async () => {
		const { adapter } = adapterOver([{ url: TYPE('ORD'), body: ordAccepted }]);
		expect(await adapter.placeDropShipOrder(request())).toEqual({
			ok: true,
			value: {
				poNumber: 'PO-3001',
				distributorRefs: ['7012345'],
				lines: [{ lineNo: 1, sku: '160942', quantity: 2, outcome: 'accepted' }]
			}
		});
	});

	it('reads a refused ORD in Tucker words', async () => {
		const { adapter } = adapterOver([{ url: TYPE('ORD'), body: ordRefused }]);
		const refused = await adapter.placeDropShipOrder(request());
		expect(refused.ok).toBe(false);
		if (!refused.ok) expect(refused.error.detail).toMatch(/No valid lines on order/);
	});

	it('reads SHP whose shipment is one object, not a list', async () => {
		const { adapter } = adapterOver([{ url: TYPE('SHP'), body: shp }]);
		expect(await adapter.getOrderStatus('PO-3001', ['7012345'])).toEqual({
			ok: true,
			value: {
				poNumber: 'PO-3001',
				status: 'shipped',
				distributorRefs: ['7012345'],
				shipments: [
					{
						distributorRef: '7012345--1ZX4V8W70312345678',
						carrier: 'UPS',
						service: 'UPS',
						trackingNumbers: ['1ZX4V8W70312345678'],
						lines: []
					}
				]
			}
		});
	});

	it('an unknown order status word is open and recorded', async () => {
		const body = structuredClone(shp) as unknown as {
			SHP: { shipment: Record<string, unknown> };
		};
		body.SHP.shipment.orderstatus = 'CREDIT HOLD';
		body.SHP.shipment.shipmentline = [];
		const { adapter } = adapterOver([{ url: TYPE('SHP'), body }]);
		expect(await adapter.getOrderStatus('PO-3001', ['7012345'])).toMatchObject({
			ok: true,
			value: { status: 'open', statusNote: "Tucker Rocky said 'CREDIT HOLD'" }
		});
	});

	it('without an order number sends nothing at all: "cannot check"', async () => {
		const { adapter, fixture } = adapterOver([]);
		expect(await adapter.findOrderByPoNumber('PO-3001')).toMatchObject({
			ok: false,
			error: { code: 'not_supported' }
		});
		expect(fixture.requests).toHaveLength(0);
	});
});

describe('Tucker simulator speaks the witnessed shapes', () => {
	const kit = useTuckerSimulator();

	it('answers INV, PRC, ORD and SHP that the witness schemas accept', async () => {
		const trws = async (params: [string, string][]) => {
			const q = new URLSearchParams([
				['apikey', KEY],
				['cust', CUST],
				['output', 'JSON'],
				...params
			]);
			return (await fetch(`https://api.tucker.com/bin/trws?${q}`)).json();
		};
		expect(
			WitnessInv.parse(
				await trws([
					['type', 'INV'],
					['item', '160942']
				])
			)
		).toBeTruthy();
		expect(
			WitnessPrc.parse(
				await trws([
					['type', 'PRC'],
					['item', '160942']
				])
			)
		).toBeTruthy();
		const placed = await kit.adapter().placeDropShipOrder(request());
		if (!placed.ok) throw new Error(placed.error.message);
		kit.sim.advanceHours(24 * 10);
		const ordernum = placed.value.distributorRefs[0] ?? '';
		expect(
			WitnessShp.parse(
				await trws([
					['type', 'SHP'],
					['ordernum', ordernum]
				])
			)
		).toBeTruthy();
		const again = await trws([
			['type', 'ORD'],
			['name', 'A B'],
			['address1', '1 Main'],
			['city', 'Boise'],
			['state', 'ID'],
			['zip', '83702'],
			['po', 'PO-3002'],
			['submit', 'YES'],
			['line', '160942,1']
		]);
		expect(WitnessOrdAccepted.parse(again)).toBeTruthy();
	});
});
