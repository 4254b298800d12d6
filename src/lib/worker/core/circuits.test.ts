import { describe, expect, it } from 'vitest';
import type { DistributorAdapter } from '$lib/distributors/types';
import { createApi } from '../api';
import { Circuits } from './circuits';
import { FakeDistributor } from '$test-support/worker/fake-distributor';
import { createTestDeps } from '$test-support/worker/test-deps';

describe('circuit breaker per distributor', () => {
	it('pauses calls to a distributor that keeps failing, and says until when', async () => {
		const fake = new FakeDistributor();
		fake.mode = 'down';
		let calls = 0;
		const deps = createTestDeps({
			adapters: (id) => {
				const adapter = fake.adapter(id);
				return { ...adapter, getStock: (skus) => (calls++, adapter.getStock(skus)) };
			}
		});
		const api = createApi(deps);
		await deps.db.distributors.put({
			id: 'pu',
			isEnabled: true,
			credentials: { dealerNumber: '1', apiKey: 'K' },
			prerequisitesDone: [],
			updatedAt: deps.now().toISOString()
		});
		const order = await api.orders.create({
			number: '3001',
			buyer: { name: 'Logan Hart', email: 'logan@example.com' },
			shipTo: {
				name: 'Logan Hart',
				line1: '200 N David St',
				city: 'Casper',
				state: 'WY',
				postalCode: '82601'
			},
			items: [{ title: 'Chain', sku: 'PU1', quantity: 1, unitPriceCents: 9000 }]
		});
		if (!order.ok) throw new Error('order');
		const place = () =>
			api.purchaseOrders.place({
				orderId: order.value.id,
				distributorId: 'pu',
				shipTo: {
					name: 'Logan Hart',
					line1: '200 N David St',
					city: 'Casper',
					state: 'WY',
					postalCode: '82601'
				},
				lines: [{ orderItemId: `${order.value.id}-1`, sku: '1', quantity: 1, unitCostCents: 5000 }]
			});
		for (let i = 0; i < 5; i++)
			expect(await place()).toMatchObject({ ok: false, error: { code: 'transient' } });
		expect(calls).toBe(5);
		const paused = await place();
		expect(paused).toMatchObject({ ok: false, error: { code: 'transient' } });
		if (!paused.ok)
			expect(paused.error.message).toMatch(
				/Parts Unlimited failed 5 times in a row, so calls are paused until/
			);
		expect(calls).toBe(5);
		expect(await deps.db.purchaseOrders.count()).toBe(0);
	});

	it('counts a status batch that answered part and then failed as a failure', async () => {
		const fake = new FakeDistributor();
		const circuits = new Circuits();
		const now = () => new Date('2026-11-20T15:00:00Z');
		const partial: DistributorAdapter = {
			...fake.adapter('tucker'),
			getOrderStatuses: async () => ({
				ok: true,
				value: {
					statuses: [],
					askSingly: [],
					interrupted: {
						error: { code: 'transient', message: 'Tucker Rocky did not answer in time.' },
						unanswered: ['RL000002']
					}
				}
			})
		};
		const wrapped = circuits.wrap(partial, now);
		for (let i = 0; i < 5; i++) await wrapped.getOrderStatuses([]);
		expect(circuits.pausedReason('tucker', now())).toMatch(/Tucker Rocky failed 5 times in a row/);
	});
});
