import { delay, HttpResponse, type JsonBodyType } from 'msw';
import type { DistributorId } from '$lib/domain/distributor';
import type { Simulator } from './simulator';

/** Obviously fake keys and tokens only: no simulator ever accepts a real-looking one. */
export function isDemoCredential(value: string): boolean {
	return /^(demo-|DEMO|test-)/.test(value);
}

/**
 * What every simulated distributor request meets before its own checks: the configured latency,
 * the `slow` fault and a dropped connection. Returns the network error to send, or undefined.
 */
export async function transportFaults(
	sim: Simulator,
	id: DistributorId,
	slowMs: number
): Promise<Response | undefined> {
	if (sim.latencyMs > 0) await delay(sim.latencyMs);
	if (sim.hasFault(id, 'slow')) await delay(slowMs);
	if (sim.hasFault(id, 'dropped_connection')) return HttpResponse.error();
	return undefined;
}

/**
 * Seconds a refused request is told to wait, or null when admitted. The `rate_limited` fault
 * refuses with the distributor's documented wait and is not counted against the window.
 */
export function rateLimitWait(
	sim: Simulator,
	id: DistributorId,
	retryAfterSeconds: number
): number | null {
	return sim.hasFault(id, 'rate_limited') ? retryAfterSeconds : sim.admit(id);
}

/** 2xx JSON, or with `malformed_body` a body that lacks what the client needs. */
export function jsonReply(
	sim: Simulator,
	id: DistributorId,
	body: JsonBodyType,
	broken: JsonBodyType
): Response {
	return HttpResponse.json(sim.hasFault(id, 'malformed_body') ? broken : body);
}

/** How one distributor words the refusals that `requestGuard` sends. */
export interface GuardRefusals {
	unauthorized: () => Response;
	rateLimited: (retryAfter: Record<string, string>) => Response;
	serverError: () => Response;
}

/**
 * The checks every simulated request passes, in the order a real API makes them: transport
 * faults, the credential (refused when not a demo one or with `bad_credentials`), the rate limit,
 * then `server_error`. Returns the refusal to send, or undefined to go on.
 */
export async function requestGuard(
	sim: Simulator,
	id: DistributorId,
	check: { slowMs: number; credential: string; retryAfterSeconds: number },
	refuse: GuardRefusals
): Promise<Response | undefined> {
	const dropped = await transportFaults(sim, id, check.slowMs);
	if (dropped) return dropped;
	if (!isDemoCredential(check.credential) || sim.hasFault(id, 'bad_credentials')) {
		return refuse.unauthorized();
	}
	const wait = rateLimitWait(sim, id, check.retryAfterSeconds);
	if (wait !== null) return refuse.rateLimited({ 'retry-after': String(wait) });
	if (sim.hasFault(id, 'server_error')) return refuse.serverError();
	return undefined;
}
