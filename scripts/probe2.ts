import 'fake-indexeddb/auto';
import { memorySyncEngine } from '$test-support/worker/memory-sync-engine';
import { openDb } from '$lib/db/db';
const N = Number(process.env.N ?? 2000);
const at = new Date().toISOString();
const replica = memorySyncEngine.openReplica('probe-' + Math.random());
const docs = [];
for (let n = 0; n < N; n++) {
  const id = `seed-${n}`;
  docs.push({ _id: `orders:${id}`, table: 'orders', row: { id, number: String(100000+n), source: 'manual', createdAt: at, updatedAt: at, buyer: { name: 'x', email: `b${n}@x.com` }, shipTo: {}, status: 'open' }, editedAt: at, device: 'S' });
}
await replica.bulkDocs(docs as never);
let t = performance.now();
for (const conflicts of [false, true, false, true]) {
  t = performance.now();
  const r = await replica.changes({ since: 0, include_docs: true, conflicts, limit: 500 });
  console.log('changes 500 conflicts', conflicts, (performance.now() - t).toFixed(0), 'ms', r.results.length);
}
t = performance.now();
await replica.allDocs({ include_docs: true, limit: 500 });
console.log('allDocs 500', (performance.now() - t).toFixed(0));
const db = openDb('probe-db');
await db.open();
const rows = docs.slice(0, 500).map((d) => d.row);
t = performance.now();
await db.transaction('rw', db.orders, async () => { for (const r of rows) { await db.orders.get(r.id); await db.orders.put(r as never); } });
console.log('per-row get+put 500', (performance.now() - t).toFixed(0));
const rows2 = docs.slice(500, 1000).map((d) => d.row);
t = performance.now();
await db.transaction('rw', db.orders, async () => { await db.orders.bulkGet(rows2.map(r=>r.id)); await db.orders.bulkPut(rows2 as never); });
console.log('bulkGet+bulkPut 500', (performance.now() - t).toFixed(0));
process.exit(0);
