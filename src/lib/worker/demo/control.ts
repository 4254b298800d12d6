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
 * A start asked `whenIdle` loads the simulators this long after, unless a request needs them
 * first: they are the demo's network (msw and ~100 ms of building their catalog), and the first
 * second after the app opens belongs to the dealer's first screen and the catalog index.
 */
export const IDLE_START_MS = 3000;

/**
 * Owns the in-process simulators of demo mode. msw and the handlers load with a dynamic import
 * when demo mode starts; the simulators' state is saved to IndexedDB on every change, so the
 * simulated distributors remember their orders across a reload. Starting is off the start path:
 * `fetch` is there at once and waits for the simulators, so the app opens without waiting for
 * msw to load (the demo's network) and a request made meanwhile is answered once they run.
 */
export function createDemoControl(
	db: DropshipDb,
	options: { idleStartMs?: number } = {}
): DemoControl & { fetch: typeof fetch | null } {
	let simulator: Simulator | null = null;
	let starting: Promise<void> | null = null;
	/** Lets a start asked `whenIdle` go ahead (null once it has). */
	let release: (() => void) | null = null;
	let idleTimer: ReturnType<typeof setTimeout> | null = null;
	const goNow = () => {
		if (idleTimer) clearTimeout(idleTimer);
		idleTimer = null;
		release?.();
		release = null;
	};
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
		/**
		 * Resolves once the simulators run; a second call while they start waits for the first.
		 * `whenIdle` installs the demo's fetch at once and loads the simulators on the first
		 * request or after `IDLE_START_MS`, whichever comes first.
		 */
		setActive(isActive: boolean, how: { whenIdle?: boolean } = {}): Promise<void> {
			if (!isActive) {
				generation++;
				// A start still waiting never runs.
				if (idleTimer) clearTimeout(idleTimer);
				[idleTimer, release] = [null, null];
				[simulator, starting, control.fetch] = [null, null, null];
				return Promise.resolve();
			}
			if (!starting) {
				const mine = ++generation;
				const go = new Promise<void>((resolve) => (release = resolve));
				const started = go.then(() => start(mine));
				const waiting: typeof fetch = async (input, init) => {
					goNow();
					return (await started)(input, init);
				};
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
			}
			if (!how.whenIdle) goNow();
			else if (release && !idleTimer) {
				idleTimer = setTimeout(goNow, options.idleStartMs ?? IDLE_START_MS);
			}
			return starting;
		}
	};
	return control;
}
