import { describe, expect, it } from 'vitest';
import type { DistributorAdapter } from '$lib/distributors/types';
import type { DistributorId } from '$lib/domain/distributor';
import { createApi } from '../api';
import { FakeDistributor } from '$test-support/worker/fake-distributor';
import { createTestDeps } from '$test-support/worker/test-deps';
import { CONCURRENCY_PER_DISTRIBUTOR } from '../tracking/singly';

/**
 * reliability.md §8 case 28: a thousand POs wait in `queued` (written while the network was
 * down); when it is back they go out with bounded concurrency per distributor, each exactly once.
 */
const DISTRIBUTORS: DistributorId[] = ['wps', 'pu', 'tucker', 'automatic'];
const PER_DISTRIBUTOR = 250;

describe('a thousand queued POs', () => {
	it('are sent once each, never more than two at a time per distributor', async () => {
		const fake = new FakeDistributor();
		const inFlight = new Map<DistributorId, number>();
		const peak = new Map<DistributorId, number>();
		const counted = (id: DistributorId): DistributorAdapter => {
			const adapter = fake.adapter(id);
			return {
				...adapter,
				placeDropShipOrder: async (request) => {
					const now = (inFlight.get(id) ?? 0) + 1;
					inFlight.set(id, now);
					peak.set(id, Math.max(peak.get(id) ?? 0, now));
					// The answer takes a while, so calls would pile up if nothing bounded them.
					await new Promise((resolve) => setTimeout(resolve, 1));
					try {
						return await adapter.placeDropShipOrder(request);
					} finally {
						inFlight.set(id, (inFlight.get(id) ?? 1) - 1);
					}
				}
			};
		};
		const deps = createTestDeps({ adapters: (id) => counted(id) });
		const api = createApi(deps);
		await deps.db.settings.put({ key: 'app', value: { dealer: { name: 'RL', poPrefix: 'RL' } } });
		for (const id of DISTRIBUTORS)
			await deps.db.distributors.put({
				id,
				isEnabled: true,
				credentials:
					id === 'pu'
						? { dealerNumber: '1', apiKey: 'K' }
						: id === 'tucker'
							? { customerNumber: '1', apiKey: 'K' }
							: { apiToken: 'T', apiBaseUrl: 'https://ad.example/v2' },
				prerequisitesDone: [],
				updatedAt: deps.now().toISOString()
			});

		await api.system.setOnline({ isOnline: false });
		const shipTo = {
			name: 'Ann',
			line1: '1 Main St',
			city: 'Boise',
			state: 'ID',
			postalCode: '83702'
		};
		for (let i = 0; i < PER_DISTRIBUTOR; i++) {
			for (const id of DISTRIBUTORS) {
				const order = await api.orders.create({
					number: `${id}-${i}`,
					buyer: { name: 'Ann', email: 'ann@example.com' },
					shipTo,
					items: [{ title: 'Part', sku: `${id}-SKU`, quantity: 1, unitPriceCents: 1000 }]
				});
				if (!order.ok) throw new Error(order.error.message);
				const placed = await api.purchaseOrders.place({
					orderId: order.value.id,
					distributorId: id,
					shipTo,
					lines: [
						{ orderItemId: `${order.value.id}-1`, sku: 'SKU', quantity: 1, unitCostCents: 500 }
					]
				});
				if (!placed.ok) throw new Error(placed.error.message);
			}
		}
		expect(await deps.db.purchaseOrders.where('state').equals('queued').count()).toBe(1000);
		expect(fake.orders.size).toBe(0);

		// The network is back; the online event and the start-up both ring.
		await api.system.setOnline({ isOnline: true });
		const [first, second] = await Promise.all([
			api.purchaseOrders.sendWaiting({}),
			api.purchaseOrders.sendWaiting({})
		]);
		const placed = (first.ok ? first.value.placed : 0) + (second.ok ? second.value.placed : 0);
		expect(placed).toBe(1000);
		expect(fake.orders.size).toBe(1000);
		expect(Math.max(...fake.requests.values())).toBe(1);
		expect(fake.duplicateAttempts).toBe(0);
		for (const id of DISTRIBUTORS)
			expect(peak.get(id)).toBeLessThanOrEqual(CONCURRENCY_PER_DISTRIBUTOR);
		expect(await deps.db.purchaseOrders.where('state').equals('submitted').count()).toBe(1000);
	}, 120_000);
});
