import { z } from 'zod';

/**
 * The one retry policy: exponential backoff with full jitter (AWS architecture blog's
 * "full jitter"), and a circuit breaker per distributor. Pure: the caller passes time and random.
 *
 * An order POST is never retried by this policy; only reads (stock, status, lookups) are.
 */
export interface BackoffOptions {
	baseMs: number;
	capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 5 * 60_000 };

/** Delay before retry number `attempt` (1 = the first retry): uniform in [0, min(cap, base·2^(n-1))]. */
export function backoffDelay(
	attempt: number,
	random: () => number,
	options = DEFAULT_BACKOFF
): number {
	const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
	return Math.floor(random() * ceiling);
}

/** A Retry-After the distributor sent wins over our own schedule, but never below it. */
export function retryDelay(attempt: number, random: () => number, retryAfterMs?: number): number {
	const own = backoffDelay(attempt, random);
	return retryAfterMs === undefined ? own : Math.max(retryAfterMs, own);
}

export const CircuitState = z.enum(['closed', 'open', 'half_open']);
export type CircuitState = z.infer<typeof CircuitState>;

export const Circuit = z.object({
	state: CircuitState,
	failures: z.number().int().nonnegative(),
	/** While open: when one trial call may go through. */
	openUntil: z.number().optional()
});
export type Circuit = z.infer<typeof Circuit>;

export const FAILURES_TO_OPEN = 5;
export const OPEN_FOR_MS = 60_000;

export const CLOSED: Circuit = { state: 'closed', failures: 0 };

/** Whether a call may go out now; an open circuit lets one trial through after its pause. */
export function canCall(circuit: Circuit, now: number): boolean {
	if (circuit.state !== 'open') return true;
	return now >= (circuit.openUntil ?? 0);
}

export function afterCall(circuit: Circuit, isFailure: boolean, now: number): Circuit {
	if (!isFailure) return CLOSED;
	const failures = circuit.failures + 1;
	if (circuit.state === 'open' || failures >= FAILURES_TO_OPEN) {
		return {
			state: 'open',
			failures,
			openUntil: now + OPEN_FOR_MS * Math.min(8, 2 ** Math.max(0, failures - FAILURES_TO_OPEN))
		};
	}
	return { state: 'closed', failures };
}
