import { describe, expect, it } from 'vitest';
import type { StatusQuery } from '../types';
import { TUCKER_UNCONFIRMED } from './constants';
import { request, useTuckerSimulator } from '$test-support/distributors/tucker-kit';

const kit = useTuckerSimulator();
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

const shpCalls = () => kit.requests().filter((r) => r.url.searchParams.get('type') === 'SHP');

describe('Tucker Rocky bulk status: SHP with repeated ordernum', () => {
	it('asks 60 POs in two SHP calls of at most 50 ordernums; POs without one are left to ask singly', async () => {
		const pos = await place(60);
		pos.push({ poNumber: 'NO-REF', refs: [], placedAt: pos[0]?.placedAt ?? '' });
		const batch = await kit.adapter().getOrderStatuses(pos);
		expect(shpCalls().map((c) => c.url.searchParams.getAll('ordernum').length)).toEqual([
			TUCKER_UNCONFIRMED.ordernumsPerShp,
			10
		]);
		expect(batch.ok).toBe(true);
		if (!batch.ok) return;
		expect(batch.value.askSingly).toEqual(['NO-REF']);
		expect(batch.value.statuses).toHaveLength(60);
		expect(batch.value.interrupted).toBeUndefined();
		const single = await kit.adapter().getOrderStatus('PO-55', pos[54]?.refs);
		expect(batch.value.statuses[54]).toEqual(single.ok && single.value);
		expect(batch.value.statuses.some((s) => s.shipments.length > 0)).toBe(true);
	});

	it('keeps what the first call answered when a later call is rate-limited (429, Retry-After)', async () => {
		const pos = await place(60);
		sim.rateLimit = { requests: 1, windowMs: 60_000 };
		const batch = await kit
			.adapter()
			.getOrderStatuses(pos)
			.finally(() => (sim.rateLimit = null));
		expect(batch.ok).toBe(true);
		if (!batch.ok) return;
		expect(batch.value.statuses).toHaveLength(50);
		expect(batch.value.interrupted?.error).toMatchObject({
			code: 'rate_limited',
			retryAfterMs: 60_000
		});
		expect(batch.value.interrupted?.unanswered).toEqual(pos.slice(50).map((p) => p.poNumber));
	});

	it('an ordernum Tucker does not know leaves its PO out; there is no list by date', async () => {
		const batch = await kit
			.adapter()
			.getOrderStatuses([
				{ poNumber: 'PO-X', refs: ['7999999'], placedAt: sim.now().toISOString() }
			]);
		expect(batch).toEqual({ ok: true, value: { statuses: [], askSingly: [] } });
		const listed = await kit.adapter().listRecentOrders(new Date('2025-03-01'), sim.now());
		expect(listed).toMatchObject({ ok: false, error: { code: 'not_supported' } });
	});
});
