import { describe, expect, it } from 'vitest';
import { request, TOKEN, useWpsSimulator } from '$test-support/distributors/wps-kit';

const kit = useWpsSimulator();
const { sim } = kit;

async function placeThree() {
	const placedAt = sim.now().toISOString();
	for (const po of ['PO-1', 'PO-2', 'PO-3']) {
		expect((await kit.adapter().placeDropShipOrder(request({ poNumber: po }))).ok).toBe(true);
	}
	sim.advanceHours(72);
	return placedAt;
}

describe('WPS bulk status: GET /orders?from_date&to_date', () => {
	it('answers many POs with one list call over the window from the oldest PO, as the single form does', async () => {
		const placedAt = await placeThree();
		const before = (await kit.requests()).length;
		const pos = ['PO-1', 'PO-2', 'PO-3', 'PO-404'].map((poNumber) => ({
			poNumber,
			refs: [],
			placedAt
		}));
		const batch = await kit.adapter().getOrderStatuses(pos);
		const calls = (await kit.requests()).slice(before);
		expect(calls).toHaveLength(1);
		expect(calls[0]?.url.pathname).toBe('/orders');
		expect(calls[0]?.url.searchParams.get('from_date')).toBe('20250302');
		expect(calls[0]?.url.searchParams.get('to_date')).toBe('20250307');
		expect(batch.ok).toBe(true);
		if (!batch.ok) return;
		expect(batch.value.askSingly).toEqual([]);
		expect(batch.value.statuses.map((s) => s.poNumber)).toEqual(['PO-1', 'PO-2', 'PO-3']);
		for (const status of batch.value.statuses) {
			const single = await kit.adapter().getOrderStatus(status.poNumber);
			expect(single.ok && single.value).toEqual(status);
		}
		expect(batch.value.statuses.some((s) => s.shipments.length > 0)).toBe(true);
	});

	it('lists the orders placed in a date range and nothing outside it', async () => {
		await placeThree();
		const inRange = await kit.adapter().listRecentOrders(new Date('2025-03-03'), sim.now());
		expect(inRange.ok && inRange.value.map((o) => o.poNumber).sort()).toEqual([
			'PO-1',
			'PO-2',
			'PO-3'
		]);
		const before = await kit
			.adapter()
			.listRecentOrders(new Date('2025-02-01'), new Date('2025-03-02'));
		expect(before).toEqual({ ok: true, value: [] });
	});

	it('the simulator refuses a list without both dates (400), as WPS documents', async () => {
		const auth = { authorization: `Bearer ${TOKEN}` };
		const base = 'https://api.wps-inc.com/orders';
		expect((await fetch(`${base}?from_date=20250301`, { headers: auth })).status).toBe(400);
		expect((await fetch(`${base}?to_date=20250301`, { headers: auth })).status).toBe(400);
		expect(
			(await fetch(`${base}?from_date=20250301&to_date=20250302`, { headers: auth })).status
		).toBe(200);
	});
});
