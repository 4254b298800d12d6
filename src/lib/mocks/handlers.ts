import type { RequestHandler } from 'msw';
import { automaticHandlers } from '$lib/distributors/automatic/mocks';
import { partsUnlimitedHandlers } from '$lib/distributors/parts-unlimited/mocks';
import { tuckerRockyHandlers } from '$lib/distributors/tucker-rocky/mocks';
import { wpsHandlers } from '$lib/distributors/wps/mocks';
import type { Simulator } from '$lib/simulator/simulator';
import { feedHandlers } from './feed-handlers';

/** All four distributor simulators (their feeds too), for vitest, demo mode and the e2e tests. */
export function createHandlers(sim: Simulator): RequestHandler[] {
	return [
		...wpsHandlers(sim),
		...partsUnlimitedHandlers(sim),
		...tuckerRockyHandlers(sim),
		...automaticHandlers(sim),
		...feedHandlers(sim)
	];
}
