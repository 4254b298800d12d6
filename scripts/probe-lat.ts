import 'fake-indexeddb/auto';
import { startCouchServer } from '$test-support/worker/couch-server';
import { FakeDistributor } from '$test-support/worker/fake-distributor';
import { memorySyncEngine } from '$test-support/worker/memory-sync-engine';
import { device, dropShip, orderOn } from '$test-support/worker/two-devices';
const server = await startCouchServer();
const fake = new FakeDistributor();
const a = await device('A', server, fake);
const b = await device('B', server, fake);
const sample = await orderOn(a, '0');
const placed = await dropShip(a, sample);
if (!placed.ok) throw new Error('x');
const poId = placed.value.id;
while (!(await b.deps.db.purchaseOrders.get(poId))) await new Promise((r) => setTimeout(r, 20));
await a.api.sync.flush({}); await b.api.sync.flush({});
const marks: Record<string, number> = {};
let t0 = 0;
const watch = (label: string, db: PouchDB.Database) => db.changes({ live: true, since: 'now', include_docs: true }).on('change', (c) => { if (c.id === `purchaseOrders:${poId}` && !(label in marks)) marks[label] = performance.now() - t0; });
watch('A replica', memorySyncEngine.openReplica(`${a.deps.db.name}-sync`) as never);
watch('server', server.db());
watch('B replica', memorySyncEngine.openReplica(`${b.deps.db.name}-sync`) as never);
const rows: Record<string, number>[] = [];
for (let n = 0; n < 15; n++) {
  for (const k of Object.keys(marks)) delete marks[k];
  const mark = new Date(Date.UTC(2027, 0, 1, 0, 0, n)).toISOString();
  t0 = performance.now();
  await a.deps.db.purchaseOrders.update(poId, { updatedAt: mark });
  marks['A dexie'] = performance.now() - t0;
  for (;;) { const seen = await b.deps.db.purchaseOrders.get(poId); if (seen?.updatedAt === mark) break; await new Promise((r) => setTimeout(r, 2)); }
  marks['B dexie'] = performance.now() - t0;
  rows.push({ ...marks });
  await new Promise((r) => setTimeout(r, 50));
}
console.table(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v)]))));
process.exit(0);
