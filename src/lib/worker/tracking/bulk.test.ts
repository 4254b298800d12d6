import { describe, expect, it } from 'vitest';
import type { DistributorId } from '$lib/domain/distributor';
import { trackingWorld } from '$test-support/worker/tracking-kit';

const HOSTS: Record<DistributorId, string> = {
	wps: 'api.wps-inc.com',
	pu: 'api.parts-unlimited.com',
	tucker: 'api.tucker.com',
	automatic: 'api.autodist.example'
};

describe('tracking refresh against the four simulators, in bulk', () => {
	it('40 open POs: a 429 and a timeout leave two distributors for later; the others update; the next refresh catches up', async () => {
		const world = await trackingWorld({ timeoutMs: 300 });
		await world.placeOpenPos(10);
		expect(await world.posIn('submitted')).toEqual({ wps: 10, pu: 10, tucker: 10, automatic: 10 });
		world.advanceHours(24 * 5);
		world.sim.setFault('pu', 'rate_limited', true);
		world.sim.setFault('tucker', 'slow', true);
		world.calls.length = 0;

		const first = await world.api.tracking.refresh({});
		expect(first.ok).toBe(true);
		if (!first.ok || 'skipped' in first.value) return;
		expect(first.value.poCount).toBe(40);
		expect(first.value.problems).toEqual([
			{
				distributorId: 'pu',
				message: 'Parts Unlimited asked us to slow down',
				retryAt: '2026-11-25T15:00:05.000Z'
			},
			{
				distributorId: 'tucker',
				message: 'Tucker Rocky did not answer in time; 10 POs wait for the next refresh'
			}
		]);
		// One call per distributor: the bulk forms, not forty status calls.
		const perHost = (host: string) => world.calls.filter((c) => c.host === host);
		expect(perHost(HOSTS.wps)).toEqual([{ host: HOSTS.wps, status: 200 }]);
		expect(perHost(HOSTS.automatic)).toEqual([{ host: HOSTS.automatic, status: 200 }]);
		expect(perHost(HOSTS.pu)).toEqual([{ host: HOSTS.pu, status: 429 }]);
		expect(perHost(HOSTS.tucker)).toHaveLength(1);
		expect(await world.posIn('confirmed')).toEqual({ wps: 10, pu: 0, tucker: 0, automatic: 10 });
		const shipped = first.value.newShipments;
		expect(shipped).toBeGreaterThanOrEqual(20);
		expect(await world.deps.db.shipments.count()).toBe(shipped);

		// Before the Retry-After has passed, Parts Unlimited is not asked again.
		world.sim.clearFaults();
		world.calls.length = 0;
		const early = await world.api.tracking.refresh({});
		expect(world.calls.some((c) => c.host === HOSTS.pu)).toBe(false);
		expect(early.ok && 'problems' in early.value && early.value.problems).toEqual([
			first.value.problems[0]
		]);
		expect(await world.posIn('confirmed')).toMatchObject({ pu: 0, tucker: 10 });

		world.advanceHours(1);
		const later = await world.api.tracking.refresh({});
		expect(later.ok && 'problems' in later.value && later.value.problems).toEqual([]);
		expect(await world.posIn('confirmed')).toEqual({ wps: 10, pu: 10, tucker: 10, automatic: 10 });
		const pu = await world.deps.db.purchaseOrders.where('distributorId').equals('pu').toArray();
		const puShipments = await world.deps.db.shipments
			.where('poId')
			.anyOf(pu.map((p) => p.id))
			.count();
		expect(puShipments).toBeGreaterThan(0);
	}, 30_000);
});
