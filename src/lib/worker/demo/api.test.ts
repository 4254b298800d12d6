import { describe, expect, it } from 'vitest';
import { Simulator } from '$lib/simulator/simulator';
import { createApi } from '../api';
import { createTestDeps } from '$test-support/worker/test-deps';
import { blockOffers } from '$lib/db/catalog-blocks';

describe('demo', () => {
	it('seeds a believable dealer on the first start, once', async () => {
		const deps = createTestDeps();
		const api = createApi(deps);
		const first = await api.demo.ensureStarted({});
		expect(first).toEqual({ ok: true, value: { mode: 'demo', isFirstStart: true } });
		const orders = await deps.db.orders.toArray();
		expect(orders.length).toBeGreaterThanOrEqual(25);
		const created = orders.map((o) => Date.parse(o.createdAt));
		expect(Math.max(...created) - Math.min(...created)).toBeGreaterThan(10 * 24 * 3_600_000);
		const items = await deps.db.orderItems.toArray();
		expect(items.length).toBeGreaterThan(orders.length);
		expect(await deps.db.distributors.count()).toBe(4);
		expect(await deps.db.feedImports.where('state').equals('complete').count()).toBe(4);
		const blocks = await deps.db.catalogBlocks.toArray();
		expect(blocks.reduce((n, b) => n + blockOffers(b).length, 0)).toBeGreaterThan(2000);

		const second = await api.demo.ensureStarted({});
		expect(second).toEqual({ ok: true, value: { mode: 'demo', isFirstStart: false } });
		expect(await deps.db.orders.count()).toBe(orders.length);
	});

	it('keeps the demo database in demo mode, also one an older version had switched to live', async () => {
		const deps = createTestDeps();
		const api = createApi(deps);
		await api.demo.ensureStarted({});
		const app = await deps.db.settings.get('app');
		await deps.db.settings.put({ key: 'app', value: { ...(app?.value as object), mode: 'live' } });
		const count = await deps.db.orders.count();
		expect(await api.demo.ensureStarted({})).toEqual({
			ok: true,
			value: { mode: 'demo', isFirstStart: false }
		});
		expect(await api.settings.get({})).toMatchObject({ ok: true, value: { mode: 'demo' } });
		expect(await deps.db.orders.count()).toBe(count);
	});

	it("never seeds or wipes the shop's database", async () => {
		const deps = createTestDeps({ workspace: 'shop' });
		const api = createApi(deps);
		await deps.db.orders.add({ id: 'real-1' } as never);
		expect(await api.demo.ensureStarted({})).toMatchObject({
			ok: false,
			error: { code: 'conflict' }
		});
		expect(await api.demo.reset({})).toMatchObject({ ok: false, error: { code: 'conflict' } });
		expect(await deps.db.orders.toArray()).toEqual([{ id: 'real-1' }]);
		expect(await deps.db.distributors.count()).toBe(0);
	});

	it('flips simulator faults only in demo mode', async () => {
		const live = createApi(createTestDeps());
		expect(
			await live.demo.setFault({ distributorId: 'wps', fault: 'server_error', isOn: true })
		).toMatchObject({
			ok: false,
			error: { code: 'conflict' }
		});
		const sim = new Simulator();
		const demo = createApi(createTestDeps({ simulator: sim }));
		await demo.demo.setFault({ distributorId: 'wps', fault: 'server_error', isOn: true });
		expect(sim.hasFault('wps', 'server_error')).toBe(true);
		await demo.demo.advanceClock({ hours: 5 });
		const status = await demo.demo.simulatorStatus({});
		expect(status.ok && status.value?.faults.wps).toEqual(['server_error']);
	});
});
