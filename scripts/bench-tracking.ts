/**
 * Tracking benchmark: `npx tsx scripts/bench-tracking.ts`. 500 open POs spread over the four
 * simulated distributors (the MSW handlers through the demo transport, every adapter's real
 * code), each simulator answering after 200 ms and admitting 60 requests a minute; one tracking
 * refresh is timed and its requests counted. The worker API runs in node on fake-indexeddb (no
 * browser: the figure is the distributors' round trips and the bulk design, not IndexedDB).
 * Prints JSON lines {"metric": NAME, "value": N, "unit": U}; fails on any 429 or problem.
 */
import 'fake-indexeddb/auto';
import { DISTRIBUTOR_IDS } from '../src/lib/domain/distributor';
import { trackingWorld } from '$test-support/worker/tracking-kit';

function print(metric: string, value: number, unit: string): void {
	console.log(JSON.stringify({ metric, value: Math.round(value * 100) / 100, unit }));
}

const PO_COUNT = 500;
const world = await trackingWorld({ isRealTime: true });
const seeded = performance.now();
await world.placeOpenPos(PO_COUNT / DISTRIBUTOR_IDS.length);
console.error(`seeded ${PO_COUNT} POs in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

// Three days on: some POs have shipped, and seeding's requests have left every rate window.
world.advanceHours(72);
world.sim.latencyMs = 200;
world.sim.rateLimit = { requests: 60, windowMs: 60_000 };
world.calls.length = 0;

const started = performance.now();
const round = await world.api.tracking.refresh({});
const seconds = (performance.now() - started) / 1000;
if (!round.ok || 'skipped' in round.value) throw new Error('the refresh did not run');

print('tracking_refresh_500_pos_s', seconds, 's');
print('tracking_refresh_calls', world.calls.length, 'calls');
for (const host of new Set(world.calls.map((c) => c.host))) {
	const statuses = world.calls.filter((c) => c.host === host).map((c) => c.status);
	console.error(`${host}: ${statuses.length} calls, statuses ${statuses.join(' ')}`);
}
const { poCount, newShipments, problems } = round.value;
console.error(
	`${poCount} open POs, ${newShipments} new shipments, problems: ${JSON.stringify(problems)}`
);
const limited = world.calls.filter((c) => c.status === 429).length;
if (poCount !== PO_COUNT || limited > 0 || problems.length > 0) {
	console.error(`FAILED: ${limited} answers were 429, ${problems.length} problems`);
	process.exitCode = 1;
}
