import { http, type JsonBodyType, type RequestHandler } from 'msw';
import type { Simulator } from '$lib/simulator/simulator';
import { AUTOMATIC_UNCONFIRMED } from './constants';
import {
	AD_SIM_DEFAULTS,
	adError,
	findSku,
	guard,
	reply,
	SIM,
	stockOf,
	type AutomaticSimOptions
} from './sim-common';
import { orderHandlers } from './sim-orders';

export type { AutomaticSimOptions } from './sim-common';

/**
 * The simulated Automatic Distributors v2 API — SHAPE INVENTED (distributors.md §8.4), on the
 * placeholder host. Magic inputs: a bearer token starting "DEMO", "demo-" or "test-" is accepted;
 * zip "00000" is refused; a SKU starting "CARB" (or an offer with status "CARB") may not ship to
 * California. Faults come from `sim.hasFault('automatic', …)`.
 */
export function automaticHandlers(
	sim: Simulator,
	options: AutomaticSimOptions = {}
): RequestHandler[] {
	const resolved = { ...AD_SIM_DEFAULTS, ...options };
	const base = AUTOMATIC_UNCONFIRMED.simBaseUrl;
	const inventory = async ({ request }: { request: Request }) => {
		const refused = await guard(sim, request, resolved);
		if (refused) return refused;
		const skus = new URL(request.url).searchParams.getAll('sku');
		if (skus.length === 0) return adError(400, 'BAD_REQUEST', SIM.badRequest('sku'), 'sku');
		const items = skus.map((sku): JsonBodyType => {
			const offer = findSku(sim, sku);
			if (!offer) return { sku, found: false, warehouses: [] };
			const warehouses = Object.entries(stockOf(sim, offer)).map(([code, quantity]) => ({
				code,
				quantity
			}));
			return { sku, found: true, warehouses, price: (offer.costCents / 100).toFixed(2) };
		});
		return reply(sim, { items }, { items: skus.map((sku) => ({ sku })) });
	};
	return [
		http.get(`${base}${AUTOMATIC_UNCONFIRMED.paths.inventory}`, inventory),
		...orderHandlers(sim, base, resolved)
	];
}
