import { describe, expect, it } from 'vitest';
import { createDemoFetch } from '$lib/mocks/demo-fetch';
import { demoLiveOffers, demoOffers } from '$lib/mocks/demo-data';
import { Simulator, catalogFromOffers } from '$lib/simulator/simulator';
import { createTestDeps } from '$test-support/worker/test-deps';
import { createApi } from '../api';

/**
 * The demo's morning: each distributor's feed comes by its own source from the simulators (WPS's
 * API, PU's price file by POST, Tucker's and Automatic's FTP files through the simulated bridge)
 * and replaces yesterday's seeded catalog, with the stock that sold out since counted.
 */
describe("the demo dealer's morning fetch", () => {
	// The demo seed and four imports: seconds on a loaded machine.
	it(
		'fetches all four feeds by their sources on open, and nothing more that day',
		{ timeout: 30_000 },
		async () => {
			const now = new Date(2026, 10, 20, 9, 30);
			const sim = new Simulator({
				catalog: catalogFromOffers(demoLiveOffers(demoOffers())),
				realNow: () => now.getTime()
			});
			const deps = createTestDeps({ simulator: sim, fetch: createDemoFetch(sim), now: () => now });
			const api = createApi(deps);
			await api.demo.ensureStarted({});

			const round = await api.feeds.fetchDue({});
			if (!round.ok || !('fetched' in round.value)) throw new Error('no round');
			const byId = Object.fromEntries(round.value.fetched.map((f) => [f.distributorId, f.entry]));
			for (const id of ['wps', 'pu', 'tucker', 'automatic'] as const) {
				expect(byId[id], id).toMatchObject({ outcome: 'imported', skipped: 0 });
				const seeded = demoOffers().filter((o) => o.distributorId === id).length;
				expect(byId[id]?.rows, id).toBe(seeded);
				expect(byId[id]?.changes?.added, id).toBe(0);
			}
			const soldOut = Object.values(byId).reduce((n, e) => n + (e?.changes?.stockChanged ?? 0), 0);
			expect(soldOut).toBeGreaterThan(0);
			const feeds = await deps.db.feedImports.where('state').equals('complete').toArray();
			expect(feeds.every((f) => f.finishedAt === now.toISOString())).toBe(true);

			expect(await api.feeds.fetchDue({})).toEqual({ ok: true, value: { fetched: [] } });
		}
	);
});
