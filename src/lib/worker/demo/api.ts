import { seedDemoSources } from '../feeds/demo-sources';
import { z } from 'zod';
import { readSettings, writeSettings } from '$lib/db/writes';
import { DistributorId } from '$lib/domain/distributor';
import { err, ok } from '$lib/domain/result';
import { FAULTS } from '$lib/simulator/simulator';
import type { ApiDeps } from '../core/deps';
import { handler } from '../core/handler';
import { catchUpArrivals, storeState } from '$lib/storefronts/sim-store';
import { DEMO_STORE_ARRIVALS_PER_DAY } from './control';
import { clearAll, connectDemoStore, isSeeded, seedDemo } from './seed';
import { sealPlaintextSecrets } from '../secrets/credentials';

const notDemo = () => err('conflict', 'The simulator runs in demo mode only.');

/** The demo's simulators once they run (they start behind the app's start); null in the shop. */
async function running(deps: ApiDeps) {
	if (deps.workspace !== 'demo') return null;
	await deps.demo.setActive(true);
	return deps.demo.simulator();
}
const notInDemo = () =>
	err(
		'conflict',
		"This is your shop's data, not the demo: the demo is never seeded or reset here."
	);

export function demoApi(deps: ApiDeps) {
	return {
		/**
		 * Seeds the demo dealer on a first start; leaves an existing database alone. `conflict` in
		 * the shop's database, which is never seeded.
		 */
		ensureStarted: handler(z.object({}), () =>
			deps.writes.run(async () => {
				if (deps.workspace !== 'demo') return notInDemo();
				const wasSeeded = await isSeeded(deps.db);
				if (!wasSeeded) {
					await seedDemo(deps.db, deps);
					await connectDemoStore(deps);
				}
				await sealPlaintextSecrets(deps);
				await seedDemoSources(deps);
				// The demo database is always in demo mode, also one from before the shop had its own
				// database, where "live mode" was a flag on this data.
				const settings = await readSettings(deps.db);
				if (settings.mode !== 'demo') await writeSettings(deps.db, { ...settings, mode: 'demo' });
				// Not awaited, and not at once: the app opens and its catalog loads before msw and the
				// simulators do (on the first request or a few seconds later); their `fetch` waits, so a
				// start that fails shows on the first request (and is tried again there).
				deps.demo.setActive(true, { whenIdle: true }).catch(() => undefined);
				return ok({ mode: 'demo' as const, isFirstStart: !wasSeeded });
			})
		),
		/** Wipes the demo and seeds it again. `conflict` in the shop's database: it is never wiped. */
		reset: handler(z.object({}), () =>
			deps.writes.run(async () => {
				if (deps.workspace !== 'demo') return notInDemo();
				await clearAll(deps.db);
				await deps.demo.setActive(false);
				await seedDemo(deps.db, deps);
				await connectDemoStore(deps);
				await sealPlaintextSecrets(deps);
				await seedDemoSources(deps);
				await deps.demo.setActive(true);
				const sim = deps.demo.simulator();
				sim?.reset();
				if (sim) catchUpArrivals(sim, 'shopify', DEMO_STORE_ARRIVALS_PER_DAY);
				return ok();
			})
		),
		/** `conflict` outside demo mode. */
		setFault: handler(
			z.object({ distributorId: DistributorId, fault: z.enum(FAULTS), isOn: z.boolean() }),
			async (input) => {
				const sim = await running(deps);
				if (!sim) return notDemo();
				sim.setFault(input.distributorId, input.fault, input.isOn);
				return ok();
			}
		),
		clearFaults: handler(z.object({}), async () => {
			const sim = await running(deps);
			if (!sim) return notDemo();
			sim.clearFaults();
			return ok();
		}),
		/** Moves the simulated distributors' clock on, so orders ship without waiting. */
		advanceClock: handler(
			z.object({
				hours: z
					.number()
					.positive()
					.max(24 * 30)
			}),
			async (input) => {
				const sim = await running(deps);
				if (!sim) return notDemo();
				sim.advanceHours(input.hours);
				return ok({ now: sim.now().toISOString() });
			}
		),
		/**
		 * The simulated Shopify shop as its admin would show it sorted by last update: the orders
		 * changed last (a new one, or one just fulfilled, however old) with their fulfilments and
		 * tracking numbers. `conflict` outside demo mode.
		 */
		storeOrders: handler(
			z.object({ limit: z.number().int().positive().max(100).default(10) }),
			async (input) => {
				const sim = await running(deps);
				if (!sim) return notDemo();
				const orders = [...storeState(sim, 'shopify').orders]
					.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.n - a.n)
					.slice(0, input.limit);
				return ok(
					orders.map((o) => ({
						number: o.number,
						buyer: o.name,
						createdAt: o.createdAt,
						isCancelled: o.cancelledAt !== null,
						fulfillments: o.fulfillments.map((f) => ({
							company: f.company,
							numbers: f.numbers,
							isBuyerNotified: f.notifyCustomer
						}))
					}))
				);
			}
		),
		simulatorStatus: handler(z.object({}), async () => {
			const sim = await running(deps);
			if (!sim) return ok(null);
			return ok({
				now: sim.now().toISOString(),
				faults: Object.fromEntries(
					DistributorId.options.map((id) => [id, [...sim.faults(id)]])
				) as Record<DistributorId, string[]>,
				orderCount: DistributorId.options.reduce((n, id) => n + sim.orders(id).length, 0)
			});
		})
	};
}
