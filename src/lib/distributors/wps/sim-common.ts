import { HttpResponse } from 'msw';
import type { Simulator } from '$lib/simulator/simulator';
import { requestGuard } from '$lib/simulator/sim-http';
import { WPS_UNCONFIRMED } from './constants';

export interface WpsSimOptions {
	/** Per-warehouse display cap the simulated WPS applies (9 or 25). */
	stockCap?: number;
	/** Extra delay of the `slow` fault; a few seconds in demo mode, a little in tests. */
	slowMs?: number;
}

export const WPS_SIM_DEFAULTS = { stockCap: WPS_UNCONFIRMED.stockCap, slowMs: 3_000 } as const;

const SIM = WPS_UNCONFIRMED.errors.sim;

export function wpsError(
	status: number,
	message: string,
	errors?: Record<string, string[]>,
	headers?: Record<string, string>
): Response {
	return HttpResponse.json({ message, ...(errors ? { errors } : {}) }, { status, headers });
}

/**
 * What every simulated WPS request passes first: latency, the `slow` fault, a dropped connection,
 * the bearer token, rate limiting and server errors. Returns a response to send, or undefined.
 */
export async function guard(
	sim: Simulator,
	request: Request,
	options: Required<WpsSimOptions>
): Promise<Response | undefined> {
	const token = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
	const { retryAfterSeconds } = WPS_UNCONFIRMED;
	return requestGuard(
		sim,
		'wps',
		{ slowMs: options.slowMs, credential: token, retryAfterSeconds },
		{
			unauthorized: () => wpsError(401, SIM.unauthenticated),
			rateLimited: (headers) => wpsError(429, SIM.rateLimited, undefined, headers),
			serverError: () => wpsError(500, SIM.serverError)
		}
	);
}

/** A token named "…-readonly…" lacks the order-processing scope: 403 on carts and orders (§8.1). */
export function lacksOrderScope(request: Request): boolean {
	return /readonly/i.test(request.headers.get('authorization') ?? '');
}

/** 2xx JSON, unless the `malformed_body` fault is on: then the required fields are missing. */
export function reply(
	sim: Simulator,
	body: { data: unknown; meta?: unknown },
	status = 200
): Response {
	if (!sim.hasFault('wps', 'malformed_body')) return HttpResponse.json(body, { status });
	const broken = Array.isArray(body.data) ? { data: [{ id: 1 }] } : { data: { id: 1 } };
	return HttpResponse.json(broken, { status });
}
