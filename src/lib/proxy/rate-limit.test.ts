import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.ts';

describe('createRateLimiter', () => {
	it('allows the limit per window, then says how many seconds remain (at least 1)', () => {
		const limiter = createRateLimiter({ limit: 2, windowMs: 10_000 });
		expect(limiter.take('a', 0)).toBe(0);
		expect(limiter.take('a', 1)).toBe(0);
		expect(limiter.take('a', 2_500)).toBe(8);
		expect(limiter.take('a', 9_999)).toBe(1);
		expect(limiter.take('b', 9_999)).toBe(0);
		expect(limiter.take('a', 10_000)).toBe(0);
	});

	it('stays usable past 10 000 tracked keys (expired windows are swept)', () => {
		const limiter = createRateLimiter({ limit: 1, windowMs: 1_000 });
		limiter.take('flood', 0);
		for (let i = 0; i < 10_000; i++) limiter.take(`old-${i}`, 0);
		limiter.take('flood', 500);
		// A new key at 1 500 sweeps the expired ones; the live window is over anyway by then.
		expect(limiter.take('new', 1_500)).toBe(0);
		expect(limiter.take('new', 1_600)).toBe(1);
	});
});
