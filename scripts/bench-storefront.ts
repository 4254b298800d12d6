/**
 * Storefront benchmark: `npx tsx scripts/bench-storefront.ts`. 500 new paid orders wait in the
 * simulated Shopify shop (the MSW handlers through the demo transport, the adapter's real code,
 * 200 ms per answer, a Standard plan's cost bucket (2,000 points, 100 a second) on real time);
 * one sync is timed and its calls
 * counted. The worker API runs in node on fake-indexeddb. Calls should be the page count (500 / 50),
 * not one per order. Prints JSON lines {"metric", "value", "unit"}; fails when an order is missing.
 */
import 'fake-indexeddb/auto';
import { createDemoFetch } from '../src/lib/mocks/demo-fetch';
import { Simulator } from '../src/lib/simulator/simulator';
import { addStoreOrders, storeState } from '../src/lib/storefronts/sim-store';
import { createApi } from '../src/lib/worker/api';
import { createTestDeps } from '$test-support/worker/test-deps';

function print(metric: string, value: number, unit: string): void {
	console.log(JSON.stringify({ metric, value: Math.round(value * 100) / 100, unit }));
}

const ORDER_COUNT = 500;
const sim = new Simulator({ latencyMs: 200 });
addStoreOrders(sim, 'shopify', ORDER_COUNT);
const slept: number[] = [];
const deps = createTestDeps({
	fetch: createDemoFetch(sim),
	now: () => new Date(),
	storeTiming: {
		clockMs: Date.now,
		sleep: (ms) => {
			slept.push(ms);
			return new Promise((r) => setTimeout(r, ms));
		}
	}
});
const api = createApi(deps);
const connected = await api.storefront.connect({
	storefrontId: 'shopify',
	credentials: { shop: 'ridge-line.myshopify.com', accessToken: 'shpat_demo_bench_0000' },
	notifier: 'store'
});
if (!connected.ok) throw new Error(connected.error.message);

const started = performance.now();
const synced = await api.storefront.sync({});
const seconds = (performance.now() - started) / 1000;
if (!synced.ok || synced.value.skipped)
	throw new Error(`the sync did not run: ${JSON.stringify(synced)}`);
const stored = await deps.db.orders.count();
if (synced.value.newOrders !== ORDER_COUNT || stored !== ORDER_COUNT) {
	throw new Error(
		`expected ${ORDER_COUNT} orders, got ${synced.value.newOrders} (${stored} stored)`
	);
}
print('storefront_sync_500_orders_s', seconds, 's');
print('storefront_sync_500_orders_calls', storeState(sim, 'shopify').calls, 'calls');
// Most of the time is Shopify's cost bucket: about 400 points a page at a Standard plan's 100 a
// second, so the adapter waits for the bucket before each page after the first few.
console.error(
	`waited for the cost bucket ${slept.length} times, ${(slept.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s in all`
);
