import 'fake-indexeddb/auto';
import { startCouchServer } from '$test-support/worker/couch-server';
import { memorySyncEngine } from '$test-support/worker/memory-sync-engine';
import { openDb } from '$lib/db/db';
import { applyIncoming } from '../src/lib/worker/sync/inbound';
import { watchWrites } from '../src/lib/worker/sync/outbound';
const N = Number(process.env.N ?? 2000);
const server = await startCouchServer();
const at = new Date().toISOString();
for (let s = 0; s < N; s += 1000) {
  const docs = [];
  for (let n = s; n < s + 1000 && n < N; n++) {
    const id = `seed-${n}`;
    docs.push({ _id: `orders:${id}`, table: 'orders', row: { id, number: String(100000+n), source: 'manual', createdAt: at, updatedAt: at, buyer: { name: 'x', email: `b${n}@x.com` }, shipTo: {}, status: 'open' }, editedAt: at, device: 'S' },
      { _id: `orderItems:${id}-1`, table: 'orderItems', row: { id: `${id}-1`, orderId: id, sku: 'a', title: 't', quantity: 1, unitPriceCents: 100 }, editedAt: at, device: 'S' });
  }
  await server.db().bulkDocs(docs);
}
const replica = memorySyncEngine.openReplica('probe-' + Math.random());
const remote = memorySyncEngine.openRemote(server.url + server.dbName);
let t = performance.now();
const p0 = process.cpuUsage();
await replica.replicate.from(remote, { batch_size: Number(process.env.BATCH ?? 200) });
const kinds = new Map<string, number>(); for (const r of server.requests) { const k = r.replace(/\?.*/, '').replace(/orders[^ ]*/, 'DOC'); kinds.set(k, (kinds.get(k) ?? 0) + 1); } console.log(kinds);
const p1 = process.cpuUsage(p0);
console.log('bare pull', ((performance.now() - t) / 1000).toFixed(2), 's cpu', ((p1.user + p1.system) / 1e6).toFixed(2));
const db = openDb('probe-db');
await db.open();
if (process.env.HOOKS) watchWrites(db, () => undefined);
t = performance.now();
const c0 = process.cpuUsage();
await applyIncoming({ db, writes: { run: (j: () => Promise<unknown>) => j() } as never, replica, device: 'B', now: () => new Date(), onResolved: async () => undefined });
const c1 = process.cpuUsage(c0);
console.log('applyIncoming', ((performance.now() - t) / 1000).toFixed(2), 's cpu', ((c1.user + c1.system) / 1e6).toFixed(2), await db.orders.count());
await server.close();
process.exit(0);
