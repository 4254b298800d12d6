import { http, HttpResponse, type RequestHandler } from 'msw';
import type { Simulator } from '$lib/simulator/simulator';
import { TUCKER_TEST_URL, TUCKER_URL } from './constants';
import {
	authGuard,
	refuse,
	SIM,
	transportGuard,
	TUCKER_SIM_DEFAULTS,
	type TuckerSimOptions
} from './sim-common';
import { itemsAnswer } from './sim-items';
import { ordAnswer, shpAnswer } from './sim-orders';

export type { TuckerSimOptions } from './sim-common';

/**
 * The simulated Tucker "trws" service (distributors.md §8.3) on the production and test hosts:
 * GET only, repeated parameters, every answer HTTP 200 `{ "<TYPE>": { status, … } }`.
 * Magic inputs: an `apikey` starting "DEMO", "demo-" or "test-" with a 6–7 digit `cust` is
 * accepted; zip "00000" is refused as an address. Faults come from `sim.hasFault('tucker', …)`.
 */
export function tuckerRockyHandlers(
	sim: Simulator,
	options: TuckerSimOptions = {}
): RequestHandler[] {
	const resolved = { ...TUCKER_SIM_DEFAULTS, ...options };
	const handle = async ({ request }: { request: Request }) => {
		const refused = await transportGuard(sim, resolved);
		if (refused) return refused;
		const query = new URL(request.url).searchParams;
		const type = (query.get('type') ?? '').toUpperCase();
		const denied = authGuard(sim, query, type || 'ERROR');
		if (denied) return denied;
		// Only the JSON output is simulated; XML is what trws gives without `output=JSON`.
		if ((query.get('output') ?? '').toUpperCase() !== 'JSON') {
			return HttpResponse.xml(`<?xml version="1.0"?><${type}><status>ERROR</status></${type}>`);
		}
		switch (type) {
			case 'INV':
			case 'PRC':
			case 'INP':
				return itemsAnswer(sim, type, query);
			case 'ORD':
				return ordAnswer(sim, query);
			case 'SHP':
				return shpAnswer(sim, query);
			default:
				return refuse(type || 'ERROR', SIM.badType);
		}
	};
	const notGet = () =>
		new HttpResponse('Method Not Allowed', { status: 405, headers: { allow: 'GET' } });
	return [TUCKER_URL, TUCKER_TEST_URL].flatMap((url) => [
		http.get(url, handle),
		http.all(url, notGet)
	]);
}
