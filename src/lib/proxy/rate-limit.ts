/**
 * Fixed-window request counting per client key: abuse protection for the proxy (PROXY-6), not
 * distributor pacing, which the worker does itself (RETRY-2). Over the limit the caller learns
 * how many seconds remain in its window.
 */
export interface RateLimit {
	limit: number;
	windowMs: number;
}

export interface RateLimiter {
	/** Counts one request; 0 when it is allowed, otherwise the whole seconds to wait (at least 1). */
	take(key: string, now: number): number;
}

/** Above this many tracked keys, expired windows are swept so memory stays bounded. */
const SWEEP_AT = 10_000;

/** A limiter of `limit` requests per `windowMs` for each key. */
export function createRateLimiter({ limit, windowMs }: RateLimit): RateLimiter {
	const windows = new Map<string, { start: number; count: number }>();
	const sweep = (now: number) => {
		for (const [key, window] of windows) if (now - window.start >= windowMs) windows.delete(key);
		// Still too many live keys (a spread-out flood): forget them rather than grow without end.
		if (windows.size >= SWEEP_AT) windows.clear();
	};
	return {
		take(key, now) {
			const current = windows.get(key);
			if (!current || now - current.start >= windowMs) {
				if (windows.size >= SWEEP_AT) sweep(now);
				windows.set(key, { start: now, count: 1 });
				return 0;
			}
			current.count += 1;
			if (current.count <= limit) return 0;
			return Math.max(1, Math.ceil((current.start + windowMs - now) / 1000));
		}
	};
}
