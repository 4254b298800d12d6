import { HttpResponse, type JsonBodyType } from 'msw';
import type { Offer } from '$lib/domain/catalog';
import type { Simulator } from '$lib/simulator/simulator';
import { jsonReply, requestGuard } from '$lib/simulator/sim-http';
import { PU_UNCONFIRMED } from './constants';

export interface PuSimOptions {
	/** Extra delay of the `slow` fault; a few seconds in demo mode, a little in tests. */
	slowMs?: number;
	/** Show quantities at or above this as "N+" (feed style); null shows exact figures. */
	plusFrom?: number | null;
	/** Inventory batch limit (invented, §8.2). */
	maxBatch?: number;
}

export const PU_SIM_DEFAULTS: Required<PuSimOptions> = {
	slowMs: 3_000,
	plusFrom: null,
	maxBatch: PU_UNCONFIRMED.inventoryBatch
};

const SIM = PU_UNCONFIRMED.errors.sim;

export function puError(status: number, message: string, headers?: Record<string, string>) {
	return HttpResponse.json({ message }, { status, headers });
}

/** Latency, `slow`, dropped connection, the api-key header, rate limit, server error. */
export async function guard(
	sim: Simulator,
	request: Request,
	options: Required<PuSimOptions>
): Promise<Response | undefined> {
	const credential = request.headers.get('api-key') ?? '';
	const { retryAfterSeconds } = PU_UNCONFIRMED;
	return requestGuard(
		sim,
		'pu',
		{ slowMs: options.slowMs, credential, retryAfterSeconds },
		{
			unauthorized: () => puError(401, SIM.badKey),
			rateLimited: (headers) => puError(429, SIM.rateLimited, headers),
			serverError: () => puError(503, SIM.serverError)
		}
	);
}

/** 2xx JSON, or with `malformed_body` a body that lacks what the client needs. */
export function reply(sim: Simulator, body: JsonBodyType, broken: JsonBodyType): Response {
	return jsonReply(sim, 'pu', body, broken);
}

const plain = (pn: string) => pn.replace(/[^0-9A-Z]/gi, '').toUpperCase();

/** PU accepts plain (14011193) and punctuated (1401-1193) part numbers alike. */
export function findPart(sim: Simulator, partNumber: string): Offer | undefined {
	if (sim.hasFault('pu', 'unknown_sku')) return undefined;
	const direct = sim.catalog.lookup('pu', partNumber);
	if (direct) return direct;
	const sku = sim.catalog.skus('pu').find((s) => plain(s) === plain(partNumber));
	return sku ? sim.catalog.lookup('pu', sku) : undefined;
}

/** Stock the simulated PU holds now, per warehouse (none at all with `out_of_stock`). */
export function stockOf(sim: Simulator, offer: Offer): Record<string, number> {
	return sim.hasFault('pu', 'out_of_stock') ? {} : offer.stock;
}
