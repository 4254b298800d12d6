import 'fake-indexeddb/auto';
import { runSoak } from '$test-support/soak/run-soak';
import { historyFor } from '$test-support/soak/history';
const seed = Number(process.argv[2] ?? 1);
const days = Number(process.argv[3] ?? 3);
const r = await runSoak({ seed, history: historyFor(seed, days) });
console.log(JSON.stringify({ ...r, log: undefined, findings: r.findings.length }));
