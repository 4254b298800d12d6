import type { DropshipDb } from '$lib/db/schema';
import { Simulator, catalogFromOffers, type SimSnapshot } from '$lib/simulator/simulator';
import { demoLiveOffers, demoOffers } from '$lib/mocks/demo-data';
import { catchUpArrivals } from '$lib/storefronts/sim-store';
import type { DemoControl } from '../core/deps';

/** Virtual hours per real hour: an order placed in the demo ships within minutes. */
export const DEMO_SPEED = 360;
const SNAPSHOT_KEY = 'snapshot';
export const DEMO_STORE_ARRIVALS_PER_DAY = 12;

/**
 * Owns the in-process simulators of demo mode. msw and the handlers load with a dynamic import
 * when demo mode starts; the simulators' state is saved to IndexedDB on every change, so the
 * simulated distributors remember their orders across a reload. Starting is off the start path:
 * `fetch` is there at once and waits for the simulators, so the app opens without waiting for
 * msw to load (the demo's network) and a request made meanwhile is answered once they run.
 */
export function createDemoControl(db: DropshipDb): DemoControl & { fetch: typeof fetch | null } {
	let simulator: Simulator | null = null;
	let starting: Promise<void> | null = null;
	/** Bumped on every switch, so a start that finishes after a stop does not come back to life. */
	let generation = 0;

	async function start(mine: number): Promise<typeof fetch> {
		const saved = (await db.simulatorState.get(SNAPSHOT_KEY))?.value as SimSnapshot | undefined;
		const { createDemoFetch } = await import('$lib/mocks/demo-fetch');
		const sim = new Simulator(
			{
				catalog: catalogFromOffers(demoLiveOffers(demoOffers())),
				speed: DEMO_SPEED,
				latencyMs: 250,
				// Saved on every change, not debounced: a reload right after a change (advancing
				// the clock, switching a fault) must not lose it.
				onChange: (snapshot) => {
					void db.simulatorState.put({ key: SNAPSHOT_KEY, value: snapshot });
				}
			},
			saved
		);
		// The shop's clock of arrivals starts now, not at its first request: a dealer who moves
		// the clock on before the first sync still finds the orders of those hours.
		catchUpArrivals(sim, 'shopify', DEMO_STORE_ARRIVALS_PER_DAY);
		if (mine === generation) simulator = sim;
		// The demo shop's web orders: about one every two simulated hours, so advancing the
		// clock four hours always brings some.
		return createDemoFetch(sim, { storeArrivalsPerDay: DEMO_STORE_ARRIVALS_PER_DAY });
	}

	const control = {
		fetch: null as typeof fetch | null,
		simulator: () => simulator,
		/** Resolves once the simulators run; a second call while they start waits for the first. */
		setActive(isActive: boolean): Promise<void> {
			if (!isActive) {
				generation++;
				[simulator, starting, control.fetch] = [null, null, null];
				return Promise.resolve();
			}
			if (starting) return starting;
			const started = start(++generation);
			const waiting: typeof fetch = async (input, init) => (await started)(input, init);
			control.fetch = waiting;
			starting = started.then(
				(demoFetch) => {
					if (control.fetch === waiting) control.fetch = demoFetch;
				},
				(cause: unknown) => {
					// Asked again on the next call rather than failing every request for good.
					if (control.fetch === waiting) [starting, control.fetch] = [null, null];
					throw cause;
				}
			);
			return starting;
		}
	};
	return control;
}
