/**
 * The long soak: `npm run soak -- --seeds 50 --days 30`. Lives `days` simulated days for each of
 * the seeds 1..N (--first F starts at F; --seed S runs one), the whole worker API against the four simulated
 * distributors and a mail server, under faults, crashes and two tabs (src/test-support/soak).
 * Prints JSON lines {"metric": NAME, "value": N, "unit": U}: soak_days, soak_steps, soak_faults,
 * soak_crashes, the volume (store orders, POs, shipments, emails), one soak_broken_<invariant> per invariant (all must be 0) and soak_steps_per_s.
 * Each break goes to stderr with its seed and step; the exit code is 1 if anything broke.
 */
import 'fake-indexeddb/auto';
import { historyFor } from '$test-support/soak/history';
import { INVARIANTS } from '$test-support/soak/invariants';
import { runSoak } from '$test-support/soak/run-soak';

function arg(name: string, fallback: number): number {
	const at = process.argv.indexOf(`--${name}`);
	const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
	if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a whole number`);
	return value;
}

function print(metric: string, value: number, unit: string): void {
	console.log(JSON.stringify({ metric, value: Math.round(value * 100) / 100, unit }));
}

const days = arg('days', 30);
const only = arg('seed', 0);
const first = arg('first', 1);
const seeds = only > 0 ? [only] : Array.from({ length: arg('seeds', 50) }, (_, i) => i + first);
const totals = { days: 0, steps: 0, faults: 0, crashes: 0, seconds: 0 };
const volume = { orders: 0, pos: 0, shipments: 0, emails: 0, storeUpdates: 0 };
const broken = new Map<string, number>(INVARIANTS.map((name) => [name, 0]));

for (const seed of seeds) {
	const report = await runSoak({ seed, history: historyFor(seed, days) });
	totals.days += report.days;
	totals.steps += report.steps;
	totals.faults += report.faults;
	totals.crashes += report.crashes;
	totals.seconds += report.seconds;
	for (const key of Object.keys(volume) as (keyof typeof volume)[])
		volume[key] += report.volume[key];
	for (const f of report.findings) {
		broken.set(f.invariant, (broken.get(f.invariant) ?? 0) + 1);
		console.error(`seed ${seed} step ${f.step}: ${f.invariant} ${f.subject}: ${f.detail}`);
	}
	console.error(
		`seed ${seed}: ${report.steps} steps, ${report.faults} faults, ${report.crashes} crashes, ${report.findings.length} broken, ${report.seconds.toFixed(1)} s`
	);
}

print('soak_seeds', seeds.length, 'seeds');
print('soak_days', totals.days, 'days');
print('soak_steps', totals.steps, 'steps');
print('soak_faults', totals.faults, 'faults');
print('soak_crashes', totals.crashes, 'crashes');
print('soak_store_orders', volume.orders, 'orders');
print('soak_pos', volume.pos, 'POs');
print('soak_shipments', volume.shipments, 'shipments');
print('soak_emails', volume.emails, 'emails');
print('soak_store_updates', volume.storeUpdates, 'fulfilments');
for (const [name, count] of broken) print(`soak_broken_${name}`, count, 'breaks');
print('soak_steps_per_s', totals.steps / Math.max(totals.seconds, 0.001), 'steps/s');
if ([...broken.values()].some((n) => n > 0)) process.exitCode = 1;
