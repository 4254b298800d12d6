// Must come before msw: it gives the worker the localStorage msw's cookie store insists on.
import './worker-storage-shim';
import { getResponse } from 'msw';

import { createHandlers, type HandlerOptions } from './handlers';
import type { Simulator } from '$lib/simulator/simulator';

/**
 * Demo mode's transport: every adapter runs its real code and only the network is simulated. The
 * request is answered in-process by the same MSW handlers the tests use (no Service Worker, no
 * interception). This module is imported dynamically, so live mode never loads msw.
 */
export function createDemoFetch(sim: Simulator, options: HandlerOptions = {}): typeof fetch {
	const handlers = createHandlers(sim, options);
	return async (input, init) => {
		const request = new Request(input, init);
		const response = await getResponse(handlers, request);
		if (!response) {
			return Response.json(
				{ message: `The demo has no simulator for ${new URL(request.url).host}.` },
				{ status: 404 }
			);
		}
		// HttpResponse.error() stands for a dropped connection: fetch rejects, as a real one would.
		if (response.type === 'error') throw new TypeError('Failed to fetch');
		return response;
	};
}
