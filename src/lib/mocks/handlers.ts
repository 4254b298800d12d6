import type { RequestHandler } from 'msw';
import { automaticHandlers } from '$lib/distributors/automatic/mocks';
import { partsUnlimitedHandlers } from '$lib/distributors/parts-unlimited/mocks';
import { tuckerRockyHandlers } from '$lib/distributors/tucker-rocky/mocks';
import { wpsHandlers } from '$lib/distributors/wps/mocks';
import type { Simulator } from '$lib/simulator/simulator';

/** All four distributor simulators, for vitest, demo mode and the end-to-end tests. */
export function createHandlers(sim: Simulator): RequestHandler[] {
	return [
		...wpsHandlers(sim),
		...partsUnlimitedHandlers(sim),
		...tuckerRockyHandlers(sim),
		...automaticHandlers(sim)
	];
}
