/**
 * A fixed-window limit per client: abuse protection for the proxy, not distributor pacing (the
 * worker paces itself). Over the limit the caller learns when to come back.
 */
export interface RateLimiter {
	/** 0 when allowed; otherwise the seconds until the window resets. */
	check(client: string, now: number): number;
}

export function createRateLimiter(limit: number, windowMs: number): RateLimiter {
	const windows = new Map<string, { start: number; count: number }>();
	return {
		check(client, now) {
			const current = windows.get(client);
			if (!current || now - current.start >= windowMs) {
				windows.set(client, { start: now, count: 1 });
				if (windows.size > 10_000) windows.clear();
				return 0;
			}
			current.count += 1;
			return current.count > limit ? Math.ceil((current.start + windowMs - now) / 1000) : 0;
		}
	};
}
