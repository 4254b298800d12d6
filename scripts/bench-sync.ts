/**
 * Sync benchmark: `npx tsx scripts/bench-sync.ts`. A CouchDB-protocol server in this process
 * (express-pouchdb, memory adapter, 127.0.0.1) holding a shop of 20,000 web orders (each with its
 * item: 40,000 records), and worker APIs in node on fake-indexeddb as devices.
 * - sync_initial_20k_orders_s: a new device turns sync on until all 20,000 orders are in its
 *   Dexie database.
 * - sync_change_latency_ms: a PO written on A until it is readable on B, median of 50, through
 *   the live path (A's write hook → replica → server → B's live pull → B's Dexie), no flushing.
 * Prints JSON lines {"metric": NAME, "value": N, "unit": U}.
 */
import 'fake-indexeddb/auto';
import { startCouchServer } from '$test-support/worker/couch-server';
import { FakeDistributor } from '$test-support/worker/fake-distributor';
import { device, dropShip, orderOn } from '$test-support/worker/two-devices';

// SYNC_BENCH_ORDERS=2000 for a quick look; the metric's name says 20k, so it is printed only then.
const ORDERS = Number(process.env.SYNC_BENCH_ORDERS ?? 20_000);

function print(metric: string, value: number, unit: string): void {
	console.log(JSON.stringify({ metric, value: Math.round(value * 100) / 100, unit }));
}

async function until(check: () => Promise<boolean>, everyMs: number): Promise<void> {
	while (!(await check())) await new Promise((r) => setTimeout(r, everyMs));
}

const server = await startCouchServer();
const fake = new FakeDistributor();
const a = await device('A', server, fake);

// The shop on the server: one real order written through A, copied 20,000 times in its format.
// A's sync is stopped meanwhile, so the new device's pull is timed alone (A catches up after).
const sample = await orderOn(a, '0');
await a.api.sync.flush({});
await a.api.sync.stop({});
const order = (await a.deps.db.orders.get(sample.orderId))!;
const item = (await a.deps.db.orderItems.get(sample.itemId))!;
const at = new Date().toISOString();
const seedStart = performance.now();
for (let start = 0; start < ORDERS; start += 1000) {
	const docs = [];
	for (let n = start; n < start + 1000; n++) {
		const id = `seed-${n}`;
		docs.push(
			{
				_id: `orders:${id}`,
				table: 'orders',
				row: {
					...order,
					id,
					number: String(100_000 + n),
					buyer: { ...order.buyer, email: `buyer${n}@example.com` }
				},
				editedAt: at,
				device: 'S'
			},
			{
				_id: `orderItems:${id}-1`,
				table: 'orderItems',
				row: { ...item, id: `${id}-1`, orderId: id },
				editedAt: at,
				device: 'S'
			}
		);
	}
	await server.db().bulkDocs(docs);
}
console.error(
	`seeded ${ORDERS} orders in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`
);

const started = performance.now();
const cpuStart = process.cpuUsage();
const b = await device('B', server, fake);
for (;;) {
	if ((await b.deps.db.orders.count()) >= ORDERS) break;
	await new Promise((r) => setTimeout(r, 100));
}
const initial = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
// The machine may be shared: the process's own CPU time says how much of the wall time was ours.
console.error(`the initial pull used ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU`);
if (ORDERS === 20_000) print('sync_initial_20k_orders_s', initial, 's');
else console.error(`a new device pulled ${ORDERS} orders in ${initial.toFixed(1)} s`);

// A goes live again and catches up; the latency is then taken between two settled devices.
await a.api.sync.resume({});
await until(async () => (await a.deps.db.orders.count()) > ORDERS, 100);
await until(async () => {
	const [onA, onB] = await Promise.all([a.api.sync.flush({}), b.api.sync.flush({})]);
	return onA.ok && onB.ok && onA.value.phase === 'in_sync' && onB.value.phase === 'in_sync';
}, 100);

// One PO on A, seen on B; then 50 edits of it, each timed until B reads it.
const placed = await dropShip(a, sample);
if (!placed.ok) throw new Error(placed.error.message);
const poId = placed.value.id;
await until(async () => Boolean(await b.deps.db.purchaseOrders.get(poId)), 20);
const latencies: number[] = [];
for (let n = 0; n < 50; n++) {
	const mark = new Date(Date.UTC(2027, 0, 1, 0, 0, n)).toISOString();
	const t0 = performance.now();
	await a.deps.db.purchaseOrders.update(poId, { updatedAt: mark });
	for (;;) {
		const seen = await b.deps.db.purchaseOrders.get(poId);
		if (seen?.updatedAt === mark) break;
		await new Promise((r) => setTimeout(r, 2));
	}
	latencies.push(performance.now() - t0);
}
latencies.sort((x, y) => x - y);
print('sync_change_latency_ms', latencies[Math.floor(latencies.length / 2)]!, 'ms');

await a.api.sync.stop({});
await b.api.sync.stop({});
await server.close();
