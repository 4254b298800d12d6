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
 * simulated distributors remember their orders across a reload.
 */
export function createDemoControl(db: DropshipDb): DemoControl & { fetch: typeof fetch | null } {
	let simulator: Simulator | null = null;
	const control = {
		fetch: null as typeof fetch | null,
		simulator: () => simulator,
		async setActive(isActive: boolean) {
			if (!isActive) {
				simulator = null;
				control.fetch = null;
				return;
			}
			if (simulator) return;
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
			simulator = sim;
			// The demo shop's web orders: about one every two simulated hours, so advancing the
			// clock four hours always brings some.
			control.fetch = createDemoFetch(sim, { storeArrivalsPerDay: DEMO_STORE_ARRIVALS_PER_DAY });
		}
	};
	return control;
}
