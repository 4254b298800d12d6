import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { StatusQuery } from '../types';
import { createAutomaticAdapter } from './index';
import { fromRangeGeneration } from './mapping';
import { automaticHandlers } from './mocks';
import {
	BASE,
	request,
	TOKEN,
	useAutomaticSimulator
} from '$test-support/distributors/automatic-kit';

const kit = useAutomaticSimulator();
const { sim } = kit;

async function place(count: number): Promise<StatusQuery[]> {
	const placedAt = sim.now().toISOString();
	const pos: StatusQuery[] = [];
	for (let i = 1; i <= count; i++) {
		const placed = await kit.adapter().placeDropShipOrder(request({ poNumber: `PO-${i}` }));
		if (!placed.ok) throw new Error(placed.error.message);
		pos.push({ poNumber: `PO-${i}`, refs: placed.value.distributorRefs, placedAt });
	}
	sim.advanceHours(72);
	return pos;
}

describe('Automatic bulk status: the range lookup (path and shape invented)', () => {
	it('answers every PO with one range call from the oldest PO, as the per-PO lookup does', async () => {
		const pos = await place(12);
		const before = (await kit.requests()).length;
		const batch = await kit.adapter().getOrderStatuses(pos);
		const calls = (await kit.requests()).slice(before);
		expect(calls.map((c) => `${c.url.pathname}?${c.url.searchParams}`)).toEqual([
			'/v2/order/range?startDate=2025-03-02&endDate=2025-03-07'
		]);
		expect(batch.ok).toBe(true);
		if (!batch.ok) return;
		expect(batch.value.statuses).toHaveLength(12);
		for (const status of batch.value.statuses) {
			const single = await kit.adapter().getOrderStatus(status.poNumber);
			expect(single.ok && single.value).toEqual(status);
		}
	});

	it('lists over more than 365 days in windows the API accepts; the simulator refuses a wider one', async () => {
		await place(2);
		const before = (await kit.requests()).length;
		const listed = await kit.adapter().listRecentOrders(new Date('2024-01-01'), sim.now());
		expect(listed.ok && listed.value.map((o) => o.poNumber)).toEqual(['PO-1', 'PO-2']);
		expect((await kit.requests()).length - before).toBe(2);
		const wide = await fetch(`${BASE}/order/range?startDate=2024-01-01&endDate=2025-01-02`, {
			headers: { authorization: `Bearer ${TOKEN}` }
		});
		expect(wide.status).toBe(400);
		expect(await wide.json()).toMatchObject({ errors: [{ code: 'RANGE_TOO_LARGE' }] });
		const missing = await fetch(`${BASE}/order/range?startDate=2024-01-01`, {
			headers: { authorization: `Bearer ${TOKEN}` }
		});
		expect(missing.status).toBe(400);
	});

	it('without a range endpoint (404) every PO is left to the per-PO lookup', async () => {
		const pos = await place(2);
		const handlers = automaticHandlers(sim, { hasRange: false });
		const adapter = createAutomaticAdapter({
			fetch: async (input, init) =>
				(await getResponse(handlers, new Request(input, init))) ?? Response.error(),
			credentials: { apiToken: TOKEN, apiBaseUrl: BASE },
			now: () => sim.now()
		});
		expect(await adapter.getOrderStatuses(pos)).toEqual({
			ok: true,
			value: { statuses: [], askSingly: ['PO-1', 'PO-2'] }
		});
		expect(await adapter.listRecentOrders(new Date('2025-03-01'), sim.now())).toMatchObject({
			ok: false,
			error: { code: 'not_supported' }
		});
	});

	it("reads a freight generation's one range number as its PRO, like the lookup's proNumber", () => {
		const header = {
			ponumber: 'PO-1',
			orderNumber: 'S0501001',
			orderGenerationNumber: '00',
			status: 'SHIPPED'
		};
		expect(
			fromRangeGeneration({
				header: { ...header, shipVia: 'LTL', trackingNumber: '123456789' },
				lines: []
			}).header
		).toMatchObject({ trackingNumber: '', proNumber: '123456789' });
		const parcel = { header: { ...header, shipVia: 'UPS', trackingNumber: '1Z999' }, lines: [] };
		expect(fromRangeGeneration(parcel)).toBe(parcel);
	});
});
