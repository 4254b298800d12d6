import type { RequestHandler } from 'msw';
import { partsUnlimitedHandlers } from '$lib/distributors/parts-unlimited/mocks';
import { wpsHandlers } from '$lib/distributors/wps/mocks';
import type { Simulator } from './simulator';

/** All four distributor simulators, for vitest, demo mode and the end-to-end tests. */
export function createHandlers(sim: Simulator): RequestHandler[] {
	return [...wpsHandlers(sim), ...partsUnlimitedHandlers(sim)];
}
