import { describe, expect, it } from 'vitest';
import type { StatusQuery } from '$lib/distributors/types';
import type { ContractKit } from './adapter-contract';

/**
 * The bulk status form of the contract: whatever form a distributor answers many POs with (an
 * order list by date, repeated order numbers, a range look-up), each PO's status is the one the
 * one-by-one look-up gives, a PO it does not hold is left out, and a call that fails part-way
 * keeps what was answered.
 */
export function describeBulkContract(kit: ContractKit): void {
	const { sim, bulk } = kit;

	async function place(count: number): Promise<StatusQuery[]> {
		const placedAt = sim.now().toISOString();
		const pos: StatusQuery[] = [];
		for (let i = 1; i <= count; i++) {
			const placed = await kit.adapter().placeDropShipOrder(kit.request({ poNumber: `PO-${i}` }));
			if (!placed.ok) throw new Error(placed.error.message);
			pos.push({ poNumber: `PO-${i}`, refs: placed.value.distributorRefs, placedAt });
		}
		sim.advanceHours(72);
		return pos;
	}

	describe('bulk status', () => {
		it('an empty bulk status asks nothing', async () => {
			expect(await kit.adapter().getOrderStatuses([])).toEqual({
				ok: true,
				value: { statuses: [], askSingly: [] }
			});
			expect(await kit.requests()).toHaveLength(0);
		});

		it(`answers ${bulk.count} POs in ${bulk.calls.length} call(s), each as the one-by-one look-up does`, async () => {
			const pos = await place(bulk.count);
			const before = (await kit.requests()).length;
			// A list by date leaves out what it does not list, however many POs are asked with it.
			const unknown = bulk.canListByDate
				? [{ ...bulk.unknown, placedAt: pos[0]?.placedAt ?? '' }]
				: [];
			const batch = await kit.adapter().getOrderStatuses([...pos, ...unknown, ...bulk.askSingly]);
			expect((await kit.requests()).slice(before).map(bulk.call)).toEqual(bulk.calls);
			expect(batch.ok).toBe(true);
			if (!batch.ok) return;
			expect(batch.value.interrupted).toBeUndefined();
			expect(batch.value.askSingly).toEqual(bulk.askSingly.map((p) => p.poNumber));
			expect(batch.value.statuses.map((s) => s.poNumber)).toEqual(pos.map((p) => p.poNumber));
			for (const [i, status] of batch.value.statuses.entries()) {
				const single = await kit.adapter().getOrderStatus(status.poNumber, pos[i]?.refs);
				expect(single.ok && single.value).toEqual(status);
			}
			expect(batch.value.statuses.some((s) => s.shipments.length > 0)).toBe(true);
		});

		it('leaves out a PO the distributor does not hold (absent, not failed)', async () => {
			const batch = await kit
				.adapter()
				.getOrderStatuses([{ ...bulk.unknown, placedAt: sim.now().toISOString() }]);
			expect(batch).toEqual({ ok: true, value: { statuses: [], askSingly: [] } });
		});

		if (bulk.calls.length > 1 && bulk.keepsAnsweredOnRateLimit) {
			it('keeps what the first call answered when a later call is rate-limited (429)', async () => {
				const pos = await place(bulk.count);
				sim.rateLimit = { requests: 1, windowMs: 60_000 };
				const batch = await kit
					.adapter()
					.getOrderStatuses(pos)
					.finally(() => (sim.rateLimit = null));
				expect(batch.ok).toBe(true);
				if (!batch.ok) return;
				const answered = batch.value.statuses.map((s) => s.poNumber);
				expect(answered.length).toBeGreaterThan(0);
				expect(batch.value.interrupted).toMatchObject({
					error: { code: 'rate_limited', retryAfterMs: 60_000 },
					unanswered: pos.map((p) => p.poNumber).filter((p) => !answered.includes(p))
				});
				expect(answered.length + (batch.value.interrupted?.unanswered.length ?? 0)).toBe(
					bulk.count
				);
			});
		}

		if (bulk.canListByDate) {
			it('lists the orders placed in a date range, one a PO, and nothing outside it', async () => {
				await place(3);
				const listed = await kit.adapter().listRecentOrders(new Date('2025-03-03'), sim.now());
				expect(listed.ok && listed.value.map((o) => o.poNumber).sort()).toEqual([
					'PO-1',
					'PO-2',
					'PO-3'
				]);
				const earlier = await kit
					.adapter()
					.listRecentOrders(new Date('2025-01-01'), new Date('2025-03-01'));
				expect(earlier).toEqual({ ok: true, value: [] });
			});
		} else {
			it('has no list by date: not_supported', async () => {
				const listed = await kit.adapter().listRecentOrders(new Date('2025-03-01'), sim.now());
				expect(listed).toMatchObject({ ok: false, error: { code: 'not_supported' } });
			});
		}
	});
}
