import { describe, expect, it } from 'vitest';
import {
	fixtureDeps,
	fixtureFetch,
	type FixtureRoute
} from '$test-support/distributors/fixture-fetch';
import accepted from './fixtures/dropship-accepted.json';
import mainframe from './fixtures/dropship-mainframe-error.json';
import inventory from './fixtures/inventory.json';
import pricing from './fixtures/pricing.json';
import {
	WitnessAvailability,
	WitnessDropshipAccepted,
	WitnessMainframeErrors,
	WitnessPricing
} from '$test-support/distributors/witness/pu';
import { createPartsUnlimitedAdapter } from './index';
import { KEY, request, usePuSimulator } from '$test-support/distributors/pu-kit';

/** PU answers shaped as public clients read them, fed straight to the adapter (no simulator). */
function adapterOver(routes: FixtureRoute[], dealerNumber = 'KY1234') {
	const fixture = fixtureFetch(routes);
	const deps = fixtureDeps(fixture.fetch, { apiKey: KEY, dealerNumber });
	return { adapter: createPartsUnlimitedAdapter(deps), fixture };
}

const ORDER = request({
	lines: [
		{ lineNo: 1, sku: '1401-1193', quantity: 3 },
		{ lineNo: 2, sku: '2103-0174', quantity: 2 }
	]
});

describe('PU witness fixtures', () => {
	it('are shaped as the public witnesses read them', () => {
		expect(WitnessDropshipAccepted.safeParse(accepted).success).toBe(true);
		expect(WitnessMainframeErrors.safeParse(mainframe).success).toBe(true);
		expect(WitnessAvailability.safeParse(inventory).success).toBe(true);
		expect(WitnessPricing.safeParse(pricing).success).toBe(true);
	});

	it('a placement with a string status code and no line numbers is submitted with its reference', async () => {
		const { adapter, fixture } = adapterOver([
			{ method: 'POST', url: /\/orders\/dropship$/, body: accepted }
		]);
		expect(await adapter.placeDropShipOrder(ORDER)).toEqual({
			ok: true,
			value: {
				poNumber: 'PO-2001',
				distributorRefs: ['40001002'],
				lines: [
					{ lineNo: 1, sku: '1401-1193', quantity: 3, outcome: 'accepted' },
					{ lineNo: 2, sku: '2103-0174', quantity: 2, outcome: 'accepted' }
				]
			}
		});
		// Dealer numbers with letters go out as typed.
		const body = (await fixture.requests[0]?.json()) as { dealer_number: string };
		expect(body.dealer_number).toBe('KY1234');
	});

	it('a string status code outside success is a refusal in PU words', async () => {
		const { adapter } = adapterOver([
			{
				method: 'POST',
				url: /\/orders\/dropship$/,
				body: { status_code: '409', status_message: 'Duplicate purchase order number PO-2001.' }
			}
		]);
		expect(await adapter.placeDropShipOrder(ORDER)).toMatchObject({
			ok: false,
			error: { code: 'duplicate_po' }
		});
	});

	it('mainframe errors refuse the order', async () => {
		const { adapter } = adapterOver([
			{ method: 'POST', url: /\/orders\/dropship$/, body: mainframe }
		]);
		expect(await adapter.placeDropShipOrder(ORDER)).toMatchObject({
			ok: false,
			error: { code: 'unknown_sku' }
		});
	});

	it('an accepted answer without a reference number cannot be followed: protocol', async () => {
		const { reference_number: _, ...body } = accepted;
		const { adapter } = adapterOver([{ method: 'POST', url: /\/orders\/dropship$/, body }]);
		expect(await adapter.placeDropShipOrder(ORDER)).toMatchObject({
			ok: false,
			error: { code: 'protocol' }
		});
	});

	it('reads stock from the witnessed inventory and pricing answers', async () => {
		const { adapter } = adapterOver([
			{ url: /\/v1\/parts\/inventory\//, body: inventory },
			{ url: /\/v1\/parts\/pricing\//, body: pricing }
		]);
		const stock = await adapter.getStock(['1401-1193', '0000-0000']);
		expect(stock).toMatchObject({
			ok: true,
			value: [
				{ sku: '1401-1193', found: true, totalQty: 17, costCents: 2150 },
				{ sku: '0000-0000', found: false }
			]
		});
	});

	it('the list call sends order and ship dates as the witness does, and no order_type', async () => {
		const { adapter, fixture } = adapterOver([
			{ url: /\/v2\/orders\/dropship\?/, body: { orders: null, page_num: '1', total_pages: '1' } }
		]);
		const listed = await adapter.listRecentOrders(
			new Date('2025-03-01T00:00:00Z'),
			new Date('2025-03-05T00:00:00Z')
		);
		expect(listed).toEqual({ ok: true, value: [] });
		const q = new URL(fixture.requests[0]?.url ?? '').searchParams;
		expect(Object.fromEntries(q)).toEqual({
			order_date_start: '2025-03-01',
			order_date_end: '2025-03-05',
			ship_date_start: '2025-03-01',
			ship_date_end: '2025-03-05',
			page_num: '1'
		});
	});

	it('an unknown line status is open and recorded on the result', async () => {
		const page = {
			orders: {
				mfOrderNumber: 40001002,
				poNumber: 'PO-2001',
				items: { partNumber: '1401-1193', lineStatus: 'ON HOLD', quantity: '3' }
			},
			page_num: 1,
			total_pages: 1
		};
		const { adapter } = adapterOver([{ url: /\/v2\/orders\/dropship\?/, body: page }]);
		expect(await adapter.getOrderStatus('PO-2001')).toMatchObject({
			ok: true,
			value: {
				status: 'open',
				distributorRefs: ['40001002'],
				statusNote: "Parts Unlimited said 'ON HOLD'"
			}
		});
	});
});

describe('PU simulator speaks the witnessed shapes', () => {
	const kit = usePuSimulator();

	it('answers placement, inventory and pricing that the witness schemas accept', async () => {
		let answer: unknown;
		kit.server.events.on('response:mocked', async ({ request: r, response }) => {
			if (r.method === 'POST') answer = await response.clone().json();
		});
		const placed = await kit.adapter(KEY, 'KY1234').placeDropShipOrder(request());
		expect(placed.ok).toBe(true);
		expect(WitnessDropshipAccepted.parse(answer).status_code).toBe('202');
		const get = async (path: string) =>
			(
				await fetch(`https://api.parts-unlimited.com/api${path}`, { headers: { 'api-key': KEY } })
			).json();
		expect(WitnessAvailability.parse(await get('/v1/parts/inventory/1401-1193'))).toBeTruthy();
		expect(WitnessPricing.parse(await get('/v1/parts/pricing/1401-1193'))).toBeTruthy();
	});
});
