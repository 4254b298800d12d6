import type { RequestHandler } from 'msw';
import type { Simulator } from '$lib/simulator/simulator';
import { PU_SIM_DEFAULTS, type PuSimOptions } from './sim-common';
import { orderHandlers } from './sim-orders';
import { partHandlers } from './sim-parts';

export type { PuSimOptions } from './sim-common';

/**
 * The simulated Parts Unlimited API (distributors.md §8.2) on the production and staging hosts.
 * Magic inputs: an `api-key` starting "DEMO", "demo-" or "test-" is accepted; postal code "00000"
 * is refused as an address. Faults come from `sim.hasFault('pu', …)`.
 */
export function partsUnlimitedHandlers(
	sim: Simulator,
	options: PuSimOptions = {}
): RequestHandler[] {
	const resolved = { ...PU_SIM_DEFAULTS, ...options };
	return [...partHandlers(sim, resolved), ...orderHandlers(sim, resolved)];
}
