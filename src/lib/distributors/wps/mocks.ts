import type { RequestHandler } from 'msw';
import type { Simulator } from '$lib/simulator/simulator';
import { WPS_SIM_DEFAULTS, type WpsSimOptions } from './sim-common';
import { itemHandlers } from './sim-items';
import { orderHandlers } from './sim-orders';

export type { WpsSimOptions } from './sim-common';

/**
 * The simulated WPS Data Depot v4 (distributors.md §8.1) on the real host and paths. Magic inputs:
 * a token starting "demo-", "DEMO" or "test-" is accepted (one containing "readonly" lacks the
 * order scope → 403 on carts/orders); ship_zip "00000" is refused at submit. Faults come from
 * `sim.hasFault('wps', …)`.
 */
export function wpsHandlers(sim: Simulator, options: WpsSimOptions = {}): RequestHandler[] {
	const resolved = { ...WPS_SIM_DEFAULTS, ...options };
	return [...itemHandlers(sim, resolved), ...orderHandlers(sim, resolved)];
}
