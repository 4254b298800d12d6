import { describe, expect, it } from 'vitest';
import type { StatusQuery } from '../types';
import { PU_UNCONFIRMED } from './constants';
import { KEY, request, usePuSimulator } from '$test-support/distributors/pu-kit';

const kit = usePuSimulator();
const { sim } = kit;

async function place(count: number): Promise<{ placedAt: string; refs: Map<string, string> }> {
	const placedAt = sim.now().toISOString();
	const refs = new Map<string, string>();
	for (let i = 1; i <= count; i++) {
		const placed = await kit.adapter().placeDropShipOrder(request({ poNumber: `PO-${i}` }));
		if (!placed.ok) throw new Error(placed.error.message);
		refs.set(`PO-${i}`, placed.value.distributorRefs[0] ?? '');
	}
	sim.advanceHours(72);
	return { placedAt, refs };
}

describe('Parts Unlimited bulk status: the order list by date, every page once', () => {
	it('answers 30 POs with the two list pages from the oldest PO, matching by PO or stored reference', async () => {
		const { placedAt, refs } = await place(30);
		const before = (await kit.requests()).length;
		const pos: StatusQuery[] = [...refs.keys()].map((poNumber) => ({
			poNumber,
			refs: [],
			placedAt
		}));
		// A PO we know only by PU's reference (typed by hand with another number) still matches.
		pos[0] = { poNumber: 'TYPED-1', refs: [refs.get('PO-1') ?? ''], placedAt };
		pos.push({ poNumber: 'PO-404', refs: [], placedAt });
		const batch = await kit.adapter().getOrderStatuses(pos);
		const calls = (await kit.requests()).slice(before);
		expect(calls.map((c) => c.url.searchParams.get('page_num'))).toEqual(['1', '2']);
		expect(calls[0]?.url.pathname).toBe('/api/v2/orders/dropship');
		expect(calls[0]?.url.searchParams.get('order_date_start')).toBe('2025-03-02');
		expect(calls[0]?.url.searchParams.get('order_date_end')).toBe('2025-03-07');
		expect(batch.ok).toBe(true);
		if (!batch.ok) return;
		expect(batch.value.statuses).toHaveLength(30);
		expect(batch.value.statuses[0]).toMatchObject({
			poNumber: 'TYPED-1',
			distributorRefs: [refs.get('PO-1')]
		});
		const single = await kit.adapter().getOrderStatus('PO-7');
		expect(batch.value.statuses.find((s) => s.poNumber === 'PO-7')).toEqual(
			single.ok && single.value
		);
		expect(batch.value.statuses.some((s) => s.shipments.length > 0)).toBe(true);
	});

	it('more pages than this app reads: what was read is answered, the rest is unanswered (not absent)', async () => {
		const { placedAt, refs } = await place(30);
		const pos: StatusQuery[] = [...refs.keys()].map((poNumber) => ({
			poNumber,
			refs: [],
			placedAt
		}));
		const pages = PU_UNCONFIRMED.maxListPages;
		Object.assign(PU_UNCONFIRMED, { maxListPages: 1 });
		const batch = await kit
			.adapter()
			.getOrderStatuses(pos)
			.finally(() => Object.assign(PU_UNCONFIRMED, { maxListPages: pages }));
		expect(batch.ok).toBe(true);
		if (!batch.ok) return;
		expect(batch.value.statuses).toHaveLength(PU_UNCONFIRMED.listPageSize);
		expect(batch.value.interrupted).toMatchObject({
			error: { code: 'transient' },
			unanswered: ['PO-26', 'PO-27', 'PO-28', 'PO-29', 'PO-30']
		});
	});

	it('lists the orders of a date range, one result per PO', async () => {
		await place(3);
		const listed = await kit.adapter().listRecentOrders(new Date('2025-03-03'), sim.now());
		expect(listed.ok && listed.value.map((o) => o.poNumber)).toEqual(['PO-1', 'PO-2', 'PO-3']);
		const earlier = await kit
			.adapter()
			.listRecentOrders(new Date('2025-01-01'), new Date('2025-03-01'));
		expect(earlier).toEqual({ ok: true, value: [] });
	});

	it('the simulator refuses a list without both dates (400)', async () => {
		const url = 'https://api.parts-unlimited.com/api/v2/orders/dropship';
		const headers = { 'api-key': KEY };
		expect((await fetch(`${url}?order_date_start=2025-03-01`, { headers })).status).toBe(400);
		const both = `${url}?order_date_start=2025-03-01&order_date_end=2025-03-02`;
		expect((await fetch(both, { headers })).status).toBe(200);
	});
});
