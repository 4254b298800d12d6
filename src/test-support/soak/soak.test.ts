import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAdapter } from '$lib/distributors/registry';
import { err, ok } from '$lib/domain/result';
import type { ApiDeps } from '../../lib/worker/core/deps';
import { runSoak, type SoakReport } from './run-soak';
import { historyArb } from './steps';

/**
 * The short soak inside the unit suite: a handful of seeded weeks of the whole worker API under
 * faults, crashes and two tabs (issue 17), each day opening with an answer lost at a distributor. A break prints fast-check's seed and the shortest
 * history it could shrink to, with what each step did.
 */
const SHORT = { seeds: 3, days: 7, maxStepsPerDay: 6 };

function explain(report: SoakReport): string {
	return [
		...report.findings.map((f) => `${f.invariant} ${f.subject}: ${f.detail}`),
		...report.log
	].join('\n');
}

/** The short run's property: a seed for the world, a week of steps, no invariant broken. */
const shortRun = (wrapDeps?: (deps: ApiDeps) => ApiDeps) =>
	fc.asyncProperty(
		fc.nat({ max: 1_000_000 }),
		historyArb(SHORT.days, SHORT.maxStepsPerDay, true),
		async (seed, history) => {
			const report = await runSoak({ seed, history, wrapDeps, isStopOnBreak: true });
			if (report.findings.length > 0) throw new Error(explain(report));
			expect(report.steps).toBeGreaterThan(SHORT.days);
		}
	);

// Fixed, so the suite is the same run every time; `npm run soak` explores further.
const PARAMS = { seed: 17, numRuns: SHORT.seeds };

describe('the soak', () => {
	it(`keeps every invariant through ${SHORT.seeds} seeded weeks`, async () => {
		// A break shrinks for at most 90 s, then reports the shortest history found so far.
		await fc.assert(shortRun(), { ...PARAMS, interruptAfterTimeLimit: 90_000 });
	}, 240_000);

	it('fails when the lookup before a resend is skipped (a deliberately broken build)', async () => {
		// Every lookup answers "not there" without asking, so a lost answer is resent blind; and the
		// distributor's "duplicate PO" to that resend is taken for a refusal. (Skipping the lookup
		// alone no longer breaks anything: the "duplicate PO" answer is looked up too, IDEM-5, and
		// a dealer's Retry of a failed PO heals the rest, so the broken build here skips both.)
		const skipLookup = (deps: ApiDeps): ApiDeps => ({
			...deps,
			adapters: async (id, adapterDeps) => {
				const adapter = await createAdapter(id, adapterDeps);
				return (
					adapter && {
						...adapter,
						findOrderByPoNumber: async () => ok(null),
						placeDropShipOrder: async (request) => {
							const placed = await adapter.placeDropShipOrder(request);
							return !placed.ok && placed.error.code === 'duplicate_po'
								? err('validation', 'Refused.')
								: placed;
						}
					}
				);
			}
		});
		// Up to 12 seeded weeks, stopping at the first break: which week exposes a blind resend
		// depends on the world's details (order ids from the store's number moved it past the 3rd).
		const details = await fc.check(shortRun(skipLookup), {
			...PARAMS,
			numRuns: 12,
			endOnFailure: true
		});
		expect(details.failed).toBe(true);
		expect(String(details.errorInstance)).toMatch(/po_disagrees|over_ordered|double_order/);
	}, 240_000);
});
