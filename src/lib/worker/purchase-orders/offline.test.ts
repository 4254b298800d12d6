import { beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../api';
import type { ApiDeps } from '../core/deps';
import { dealerWithOrder } from '$test-support/worker/dealer-fixture';
import type { FakeDistributor } from '$test-support/worker/fake-distributor';

/** The shop's connection drops while the dealer drop-ships: the PO waits and goes out once. */
let fake: FakeDistributor;
let deps: ApiDeps;
let api: ReturnType<typeof createApi>;
let orderId: string;
let place: Awaited<ReturnType<typeof dealerWithOrder>>['place'];

beforeEach(async () => {
	({ fake, deps, api, orderId, place } = await dealerWithOrder());
});

async function placeOffline() {
	await api.system.setOnline({ isOnline: false });
	const placed = await place();
	if (!placed.ok) throw new Error(placed.error.message);
	return placed.value;
}

describe('drop-shipping while offline', () => {
	it('writes the PO queued, waiting for the network, and calls nobody', async () => {
		const po = await placeOffline();
		expect(po).toMatchObject({ poNumber: 'RL000001', state: 'queued' });
		expect(po.history.at(-1)?.note).toBe('Waiting for the network');
		expect(fake.requests.size).toBe(0);
		// The item is covered: a second click while offline does not write a second PO.
		expect(await place()).toMatchObject({ ok: false, error: { code: 'conflict' } });
		expect(await api.purchaseOrders.sendWaiting({})).toEqual({
			ok: true,
			value: { placed: 0, failed: 0, waiting: 1 }
		});
		expect(fake.requests.size).toBe(0);
	});

	it('is sent by itself once the network is back, and a second resume sends nothing', async () => {
		const po = await placeOffline();
		await api.system.setOnline({ isOnline: true });
		expect(await api.purchaseOrders.sendWaiting({})).toEqual({
			ok: true,
			value: { placed: 1, failed: 0, waiting: 0 }
		});
		const stored = await deps.db.purchaseOrders.get(po.id);
		expect(stored).toMatchObject({ state: 'submitted', distributorRefs: ['REF-RL000001'] });
		expect(stored?.history.map((h) => h.state)).toEqual(['queued', 'submitting', 'submitted']);
		expect((await deps.db.orders.get(orderId))?.state).toBe('dropshipped');
		expect(await api.purchaseOrders.sendWaiting({})).toMatchObject({ value: { placed: 0 } });
		expect(fake.requests.get('RL000001')).toBe(1);
	});

	it('two resumes at once (the online event and start-up) send the order once', async () => {
		await placeOffline();
		await api.system.setOnline({ isOnline: true });
		// Two API instances over one database: two tabs, each with its own worker.
		const other = createApi(deps);
		const [a, b] = await Promise.all([
			api.purchaseOrders.sendWaiting({}),
			other.purchaseOrders.sendWaiting({})
		]);
		expect((a.ok ? a.value.placed : 0) + (b.ok ? b.value.placed : 0)).toBe(1);
		expect(fake.requests.get('RL000001')).toBe(1);
		expect(fake.duplicateAttempts).toBe(0);
		expect(await deps.db.purchaseOrders.count()).toBe(1);
	});

	it('a line that ran out meanwhile fails the PO with the reason instead of sending it', async () => {
		const po = await placeOffline();
		await api.system.setOnline({ isOnline: true });
		fake.stock = 1;
		expect(await api.purchaseOrders.sendWaiting({})).toMatchObject({ value: { failed: 1 } });
		expect(await deps.db.purchaseOrders.get(po.id)).toMatchObject({
			state: 'failed',
			lastError: { code: 'out_of_stock' }
		});
		expect(fake.requests.size).toBe(0);
	});

	it('stays waiting when the distributor is still unreachable, and goes out on the next try', async () => {
		const po = await placeOffline();
		await api.system.setOnline({ isOnline: true });
		fake.mode = 'down';
		expect(await api.purchaseOrders.sendWaiting({})).toMatchObject({ value: { waiting: 1 } });
		expect((await deps.db.purchaseOrders.get(po.id))?.state).toBe('queued');
		fake.mode = 'ok';
		expect(await api.purchaseOrders.sendWaiting({})).toMatchObject({ value: { placed: 1 } });
		expect(fake.requests.get('RL000001')).toBe(1);
	});

	it('the dealer can cancel a waiting PO: the item is open again and nothing is ever sent', async () => {
		const po = await placeOffline();
		const cancelled = await api.purchaseOrders.cancelWaiting({ poId: po.id });
		expect(cancelled).toMatchObject({ ok: true, value: { state: 'cancelled' } });
		expect((await deps.db.orders.get(orderId))?.state).toBe('new');
		await api.system.setOnline({ isOnline: true });
		expect(await api.purchaseOrders.sendWaiting({})).toMatchObject({ value: { placed: 0 } });
		expect(fake.requests.size).toBe(0);
		// Once sent, it can no longer be withdrawn here.
		const again = await place();
		if (!again.ok) throw new Error(again.error.message);
		expect(await api.purchaseOrders.cancelWaiting({ poId: again.value.id })).toMatchObject({
			ok: false,
			error: { code: 'conflict' }
		});
	});

	it('Retry of a refused PO while offline queues it for the network instead of sending', async () => {
		fake.mode = 'refuse';
		const first = await place();
		expect(first.ok).toBe(false);
		const po = await deps.db.purchaseOrders.toCollection().first();
		fake.mode = 'ok';
		await api.system.setOnline({ isOnline: false });
		expect(await api.purchaseOrders.retry({ poId: po!.id })).toMatchObject({
			ok: true,
			value: { state: 'queued' }
		});
		expect(fake.orders.size).toBe(0);
		await api.system.setOnline({ isOnline: true });
		await api.purchaseOrders.sendWaiting({});
		expect(fake.orders.size).toBe(1);
	});
});
