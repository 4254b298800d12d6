import { HttpResponse, type JsonBodyType } from 'msw';
import type { Offer } from '$lib/domain/catalog';
import type { Simulator } from '$lib/simulator/simulator';
import { jsonReply, requestGuard } from '$lib/simulator/sim-http';
import { AUTOMATIC_UNCONFIRMED } from './constants';

export interface AutomaticSimOptions {
	/** Extra delay of the `slow` fault; a few seconds in demo mode, a little in tests. */
	slowMs?: number;
	/** Serve the (unverified) revoke endpoint; off like the adapter's flag by default. */
	canRevoke?: boolean;
	/** Serve the (invented) range endpoint; off, the adapter falls back to one lookup per PO. */
	hasRange?: boolean;
}

export const AD_SIM_DEFAULTS: Required<AutomaticSimOptions> = {
	slowMs: 3_000,
	canRevoke: AUTOMATIC_UNCONFIRMED.canRevoke,
	hasRange: true
};

export const SIM = AUTOMATIC_UNCONFIRMED.sim;

/** The invented error body: `{ errors: [{ code, field?, message }] }`. */
export function adError(
	status: number,
	code: string,
	message: string,
	field?: string,
	headers?: Record<string, string>
) {
	return HttpResponse.json(
		{ errors: [{ code, ...(field ? { field } : {}), message }] },
		{ status, headers }
	);
}

/** Latency, `slow`, dropped connection, the bearer token, rate limit, server error. */
export async function guard(
	sim: Simulator,
	request: Request,
	options: Required<AutomaticSimOptions>
): Promise<Response | undefined> {
	const { header, scheme } = AUTOMATIC_UNCONFIRMED.auth;
	const value = request.headers.get(header) ?? '';
	const token = value.startsWith(`${scheme} `) ? value.slice(scheme.length + 1) : '';
	const { slowMs } = options;
	const { retryAfterSeconds } = AUTOMATIC_UNCONFIRMED;
	return requestGuard(
		sim,
		'automatic',
		{ slowMs, credential: token, retryAfterSeconds },
		{
			unauthorized: () => adError(401, 'UNAUTHORIZED', SIM.badToken),
			rateLimited: (headers) => adError(429, 'RATE_LIMITED', SIM.rateLimited, undefined, headers),
			serverError: () => adError(500, 'SERVER', SIM.serverError)
		}
	);
}

/** 2xx JSON, or with `malformed_body` a body that lacks what the client needs. */
export function reply(sim: Simulator, body: JsonBodyType, broken: JsonBodyType): Response {
	return jsonReply(sim, 'automatic', body, broken);
}

export function findSku(sim: Simulator, sku: string): Offer | undefined {
	return sim.hasFault('automatic', 'unknown_sku')
		? undefined
		: sim.catalog.lookup('automatic', sku);
}

export function stockOf(sim: Simulator, offer: Offer): Record<string, number> {
	if (!sim.hasFault('automatic', 'out_of_stock')) return offer.stock;
	return Object.fromEntries(Object.keys(offer.stock).map((code) => [code, 0]));
}

/** CARB-restricted parts (offer status "CARB" or SKU "CARB…") may not ship to California. */
export function isCarbRestricted(offer: Offer): boolean {
	return offer.status === SIM.carbStatus || /^CARB/i.test(offer.sku);
}
