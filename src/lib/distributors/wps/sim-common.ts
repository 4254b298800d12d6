import { delay, HttpResponse } from 'msw';
import type { Simulator } from '$lib/simulator/simulator';
import { WPS_UNCONFIRMED } from './constants';

export interface WpsSimOptions {
	/** Per-warehouse display cap the simulated WPS applies (9 or 25). */
	stockCap?: number;
	/** Extra delay of the `slow` fault; a few seconds in demo mode, a little in tests. */
	slowMs?: number;
}

export const WPS_SIM_DEFAULTS = { stockCap: WPS_UNCONFIRMED.stockCap, slowMs: 3_000 } as const;

/** Obviously fake tokens only: the simulator never accepts a real-looking one. */
export function isDemoToken(token: string): boolean {
	return /^(demo-|DEMO|test-)/.test(token);
}

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
	if (sim.latencyMs > 0) await delay(sim.latencyMs);
	if (sim.hasFault('wps', 'slow')) await delay(options.slowMs);
	if (sim.hasFault('wps', 'dropped_connection')) return HttpResponse.error();
	const token = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
	if (!isDemoToken(token) || sim.hasFault('wps', 'bad_credentials')) {
		return wpsError(401, SIM.unauthenticated);
	}
	if (sim.hasFault('wps', 'rate_limited')) {
		return wpsError(429, SIM.rateLimited, undefined, {
			'retry-after': String(WPS_UNCONFIRMED.retryAfterSeconds)
		});
	}
	const wait = sim.admit('wps');
	if (wait !== null)
		return wpsError(429, SIM.rateLimited, undefined, { 'retry-after': String(wait) });
	if (sim.hasFault('wps', 'server_error')) return wpsError(500, SIM.serverError);
	return undefined;
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
