import { describe, expect, it } from 'vitest';
import { DATA_LOSS_KEY } from '$lib/domain/data-loss';
import { trackingWorld } from '$test-support/worker/tracking-kit';

/**
 * reliability.md §8 case 25, second half: the profile is wiped (cleared site data, eviction) but
 * the distributors still list the orders we placed. Against the four real simulators.
 */
describe('data loss on an empty start', () => {
	it('names the orders the distributors hold under our PO prefix that this browser lost', async () => {
		const world = await trackingWorld();
		const placed = await world.placeOpenPos(2);
		const { deps, api } = world;

		// Nothing lost: the start-up check asks nobody, an explicit check finds nothing missing.
		const callsBefore = world.calls.length;
		expect(await api.recovery.checkForDataLoss({ onlyIfEmpty: true })).toEqual({
			ok: true,
			value: null
		});
		expect(world.calls.length).toBe(callsBefore);
		const clean = await api.recovery.checkForDataLoss({});
		expect(clean.ok && clean.value?.missing).toEqual([]);

		// The orders and POs are gone; the accounts were entered again.
		const keep = await deps.db.purchaseOrders.where('poNumber').equals(placed.wps[0]!).first();
		await Promise.all([
			deps.db.orders.clear(),
			deps.db.orderItems.clear(),
			deps.db.purchaseOrders.clear(),
			deps.db.poLines.clear()
		]);
		const wiped = await api.recovery.checkForDataLoss({ onlyIfEmpty: true });
		if (!wiped.ok || !wiped.value) throw new Error('expected a report');
		expect(wiped.value.missing).toEqual([
			{ distributorId: 'wps', poNumbers: [...placed.wps].sort() },
			{ distributorId: 'pu', poNumbers: [...placed.pu].sort() },
			{ distributorId: 'automatic', poNumbers: [...placed.automatic].sort() }
		]);
		// Tucker's API has no order list: the dealer is told it was not checked, and why.
		expect(wiped.value.notChecked.map((n) => n.distributorId)).toEqual(['tucker']);
		expect((await deps.db.settings.get(DATA_LOSS_KEY))?.value).toEqual(wiped.value);

		// A restore brings one PO back: checking again names only what is still missing.
		await deps.db.purchaseOrders.put(keep!);
		const after = await api.recovery.checkForDataLoss({});
		expect(after.ok && after.value?.missing[0]).toEqual({
			distributorId: 'wps',
			poNumbers: placed.wps.slice(1)
		});
	});

	it('ignores orders under another PO prefix (placed by hand in the portal, another store)', async () => {
		const world = await trackingWorld();
		await world.placeOpenPos(1);
		await world.deps.db.purchaseOrders.clear();
		await world.deps.db.settings.update('app', {
			value: {
				mode: 'demo',
				dealer: { name: 'Ridge Line Powersports', poPrefix: 'ZZ' },
				isAutoEmailOn: false
			}
		});
		const report = await world.api.recovery.checkForDataLoss({});
		expect(report.ok && report.value?.missing).toEqual([]);
	});
});
