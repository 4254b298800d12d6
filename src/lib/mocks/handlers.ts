import type { RequestHandler } from 'msw';
import type { Simulator } from './simulator';

/** All four distributor simulators, for vitest, demo mode and the end-to-end tests. */
export function createHandlers(sim: Simulator): RequestHandler[] {
	void sim;
	return [];
}
