import type { RequestHandler } from 'msw';
import { automaticHandlers } from '$lib/distributors/automatic/mocks';
import { partsUnlimitedHandlers } from '$lib/distributors/parts-unlimited/mocks';
import { tuckerRockyHandlers } from '$lib/distributors/tucker-rocky/mocks';
import { wpsHandlers } from '$lib/distributors/wps/mocks';
import { shopifyHandlers } from '$lib/storefronts/shopify/mocks';
import { wooHandlers } from '$lib/storefronts/woocommerce/mocks';
import type { Simulator } from '$lib/simulator/simulator';

export interface HandlerOptions {
	/** New web orders per simulated day at the simulated stores (the demo's shop); none by default. */
	storeArrivalsPerDay?: number;
}

/**
 * All four distributor simulators and the two web stores, for vitest, demo mode and the
 * end-to-end tests.
 */
export function createHandlers(sim: Simulator, options: HandlerOptions = {}): RequestHandler[] {
	const arrivalsPerDay = options.storeArrivalsPerDay ?? 0;
	return [
		...wpsHandlers(sim),
		...partsUnlimitedHandlers(sim),
		...tuckerRockyHandlers(sim),
		...automaticHandlers(sim),
		...shopifyHandlers(sim, { arrivalsPerDay }),
		...wooHandlers(sim, { arrivalsPerDay })
	];
}
