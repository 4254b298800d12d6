import { describe, expect, it, vi } from 'vitest';
import { createApi } from './api';
import { catalogKeeper } from './catalog/sync';
import { createDemoControl } from './demo/control';
import { createTestDeps } from '$test-support/worker/test-deps';

/** What the app does when it opens: nothing on that path waits for the catalog or the network. */
describe('the start path', () => {
	it('answers the first page before it reads or indexes the catalog', async () => {
		const deps = createTestDeps();
		// A first start seeds the demo dealer and its catalog; the test is the warm start after it.
		expect((await createApi(deps).demo.ensureStarted({})).ok).toBe(true);
		const reads = vi.spyOn(deps.db.catalogBlocks, 'where');
		const api = createApi(deps);
		expect(await api.demo.ensureStarted({})).toEqual({
			ok: true,
			value: { mode: 'demo', isFirstStart: false }
		});
		expect((await api.settings.get({})).ok).toBe(true);
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(reads).not.toHaveBeenCalled();
		expect(catalogKeeper(deps.db).hasStarted).toBe(false);

		// The page asks once its first screen is up; the answer does not wait for the load.
		expect(await api.catalog.warm({})).toEqual({ ok: true, value: undefined });
		expect(catalogKeeper(deps.db).hasStarted).toBe(true);
		await vi.waitFor(() => expect(reads).toHaveBeenCalled());
		const stats = await api.catalog.indexStats({});
		expect(stats.ok && stats.value.offers).toBeGreaterThan(2000);
	});

	it('opens the demo while its simulators are still loading', async () => {
		let started = false;
		const deps = createTestDeps({
			demo: {
				simulator: () => null,
				// Simulators that never finish loading: the start must not wait for them.
				setActive: () => new Promise<void>(() => (started = true))
			}
		});
		const api = createApi(deps);
		const answer = await api.demo.ensureStarted({});
		expect(answer).toEqual({ ok: true, value: { mode: 'demo', isFirstStart: true } });
		expect(started).toBe(true);
	});

	it('gives the demo a fetch at once that answers when the simulators run', async () => {
		const deps = createTestDeps();
		const control = createDemoControl(deps.db);
		const starting = control.setActive(true);
		expect(control.simulator()).toBeNull();
		const fetchNow = control.fetch;
		if (!fetchNow) throw new Error('no demo fetch while starting');
		const response = await fetchNow('https://nowhere.example/ping');
		expect(response.status).toBe(404);
		await starting;
		expect(control.simulator()).not.toBeNull();
		expect(control.setActive(true)).toBe(control.setActive(true));
		await control.setActive(false);
		expect([control.simulator(), control.fetch]).toEqual([null, null]);
	});

	it('loads the simulators on the first request when asked to start when idle', async () => {
		const deps = createTestDeps();
		const control = createDemoControl(deps.db, { idleStartMs: 60_000 });
		const starting = control.setActive(true, { whenIdle: true });
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(control.simulator()).toBeNull();
		const fetchNow = control.fetch;
		if (!fetchNow) throw new Error('no demo fetch while waiting');
		expect((await fetchNow('https://nowhere.example/ping')).status).toBe(404);
		await starting;
		expect(control.simulator()).not.toBeNull();
		await control.setActive(false);
	});

	it('loads them by itself after the idle time, and never once stopped', async () => {
		const deps = createTestDeps();
		const control = createDemoControl(deps.db, { idleStartMs: 20 });
		await control.setActive(true, { whenIdle: true });
		expect(control.simulator()).not.toBeNull();

		await control.setActive(false);
		const stopped = createDemoControl(deps.db, { idleStartMs: 20 });
		void stopped.setActive(true, { whenIdle: true });
		await stopped.setActive(false);
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect([stopped.simulator(), stopped.fetch]).toEqual([null, null]);
	});
});
