import { HttpResponse, type JsonBodyType } from 'msw';
import type { Offer } from '$lib/domain/catalog';
import type { Simulator } from '$lib/simulator/simulator';
import { isDemoCredential, rateLimitWait, transportFaults } from '$lib/simulator/sim-http';
import { TUCKER_DCS, TUCKER_SUCCESS, TUCKER_UNCONFIRMED } from './constants';
import { tuckerItem } from './mapping';

export interface TuckerSimOptions {
	/** Extra delay of the `slow` fault; a few seconds in demo mode, a little in tests. */
	slowMs?: number;
}

export const TUCKER_SIM_DEFAULTS: Required<TuckerSimOptions> = { slowMs: 3_000 };

export const SIM = TUCKER_UNCONFIRMED.errors.sim;

/** trws answers everything, refusals included, as HTTP 200 `{ "<TYPE>": { status, … } }`. */
export function envelope(type: string, body: Record<string, JsonBodyType>): Response {
	return HttpResponse.json({ [type]: body });
}

export function refuse(type: string, errormsg: string, extra: Record<string, JsonBodyType> = {}) {
	return envelope(type, { status: TUCKER_UNCONFIRMED.errorStatus, errormsg, ...extra });
}

/** A SUCCESSFUL envelope, or with `malformed_body` one that lacks what the client needs. */
export function reply(
	sim: Simulator,
	type: string,
	body: Record<string, JsonBodyType>,
	broken: Record<string, JsonBodyType> = {}
): Response {
	const isBroken = sim.hasFault('tucker', 'malformed_body');
	return envelope(type, { status: TUCKER_SUCCESS, ...(isBroken ? broken : body) });
}

/** Latency, `slow`, dropped connection, rate limit and server error: before any parsing. */
export async function transportGuard(
	sim: Simulator,
	options: Required<TuckerSimOptions>
): Promise<Response | undefined> {
	const dropped = await transportFaults(sim, 'tucker', options.slowMs);
	if (dropped) return dropped;
	const wait = rateLimitWait(sim, 'tucker', TUCKER_UNCONFIRMED.retryAfterSeconds);
	if (wait !== null) {
		return new HttpResponse('Too Many Requests', {
			status: 429,
			headers: { 'retry-after': String(wait) }
		});
	}
	if (sim.hasFault('tucker', 'server_error')) {
		return HttpResponse.html(SIM.serverError, { status: 503 });
	}
	return undefined;
}

/** Key and customer number travel in the query; a refusal is still HTTP 200 [INF §4.3]. */
export function authGuard(sim: Simulator, query: URLSearchParams, type: string) {
	const key = query.get('apikey') ?? '';
	if (!isDemoCredential(key) || sim.hasFault('tucker', 'bad_credentials'))
		return refuse(type, SIM.badKey);
	if (!/^\d{6,7}$/.test(query.get('cust') ?? '')) return refuse(type, SIM.badCustomer);
	return undefined;
}

/** Tucker item numbers, with or without dashes; none at all with `unknown_sku`. */
export function findItem(sim: Simulator, item: string): Offer | undefined {
	if (sim.hasFault('tucker', 'unknown_sku')) return undefined;
	const direct = sim.catalog.lookup('tucker', item);
	if (direct) return direct;
	const sku = sim.catalog.skus('tucker').find((s) => tuckerItem(s) === tuckerItem(item));
	return sku ? sim.catalog.lookup('tucker', sku) : undefined;
}

/** Stock per DC now (every DC empty with `out_of_stock`). */
export function stockOf(sim: Simulator, offer: Offer): Record<string, number> {
	const empty = sim.hasFault('tucker', 'out_of_stock');
	return Object.fromEntries(TUCKER_DCS.map((dc) => [dc, empty ? 0 : (offer.stock[dc] ?? 0)]));
}
