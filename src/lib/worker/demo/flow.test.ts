import { describe, expect, it } from 'vitest';
import type { DistributorId } from '$lib/domain/distributor';
import { createDemoFetch } from '$lib/mocks/demo-fetch';
import { demoLiveOffers, demoOffers } from '$lib/mocks/demo-data';
import { Simulator, catalogFromOffers } from '$lib/simulator/simulator';
import { createApi } from '../api';
import { createTestDeps } from '$test-support/worker/test-deps';

/**
 * The demo as a dealer meets it, below the UI: the real adapters talk to the simulators through
 * the demo transport (msw's getResponse, in-process), from seed to tracking email.
 */
async function demo() {
	let clock = Date.parse('2026-11-20T15:00:00.000Z');
	const sim = new Simulator({
		catalog: catalogFromOffers(demoLiveOffers(demoOffers())),
		realNow: () => clock
	});
	const deps = createTestDeps({
		simulator: sim,
		fetch: createDemoFetch(sim),
		now: () => new Date(clock)
	});
	const api = createApi(deps);
	await api.demo.ensureStarted({});
	return { sim, deps, api, advance: (hours: number) => (clock += hours * 3_600_000) };
}

/** A demo order item carried by the distributor, in stock now, and the offer for it. */
async function itemAt(
	deps: Awaited<ReturnType<typeof demo>>['deps'],
	distributorId: DistributorId
) {
	const live = demoLiveOffers(demoOffers()).filter((o) => o.distributorId === distributorId);
	for (const item of await deps.db.orderItems.toArray()) {
		const offer = live.find(
			(o) =>
				o.mpn === item.mpn && Object.values(o.stock).reduce((a, b) => a + b, 0) >= item.quantity + 2
		);
		if (offer) return { item, offer };
	}
	throw new Error(`no demo item in stock at ${distributorId}`);
}

describe('demo mode end to end (worker level)', () => {
	it.each(['wps', 'pu', 'tucker', 'automatic'] as const)(
		'%s: credentials test, drop-ship, then tracking and one email',
		async (id) => {
			const { deps, api, sim, advance } = await demo();
			expect(await api.distributors.testConnection({ distributorId: id })).toMatchObject({
				ok: true
			});

			const { item, offer } = await itemAt(deps, id);
			const order = await deps.db.orders.get(item.orderId);
			const placed = await api.purchaseOrders.place({
				orderId: item.orderId,
				distributorId: id,
				shipTo: order!.shipTo,
				lines: [
					{
						orderItemId: item.id,
						sku: offer.sku,
						quantity: item.quantity,
						unitCostCents: offer.costCents
					}
				]
			});
			expect(placed).toMatchObject({ ok: true, value: { state: 'submitted' } });
			if (!placed.ok) return;
			expect(sim.countOrders(id, placed.value.poNumber)).toBe(1);
			expect(
				await deps.db.auditLog.where('poNumber').equals(placed.value.poNumber).count()
			).toBeGreaterThan(0);

			advance(24 * 6);
			const round = await api.tracking.refresh({});
			expect(round.ok && 'newShipments' in round.value && round.value.newShipments).toBeGreaterThan(
				0
			);
			const shipments = await deps.db.shipments.where('poId').equals(placed.value.id).toArray();
			expect(shipments[0]?.trackingNumbers[0]).toMatch(/^(1Z|C|\d)/);
			const emails = await deps.db.outbox.where('orderId').equals(item.orderId).toArray();
			expect(emails.length).toBe(shipments.length);
			expect(emails[0]).toMatchObject({ state: 'sent', to: order!.buyer.email });
		}
	);
});
