import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	CLOSED,
	FAILURES_TO_OPEN,
	OPEN_FOR_MS,
	afterCall,
	backoffDelay,
	canCall,
	retryDelay
} from './retry-policy';

describe('backoff with full jitter', () => {
	it('stays within [0, min(cap, base·2^(n-1))]', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 30 }),
				fc.double({ min: 0, max: 0.999999, noNaN: true }),
				(attempt, r) => {
					const delay = backoffDelay(attempt, () => r);
					return delay >= 0 && delay <= Math.min(300_000, 1_000 * 2 ** (attempt - 1));
				}
			)
		);
	});

	it("never retries sooner than the distributor's Retry-After", () => {
		expect(retryDelay(1, () => 0.5, 30_000)).toBe(30_000);
		expect(retryDelay(10, () => 0.99, 1_000)).toBeGreaterThan(1_000);
	});
});

describe('circuit breaker', () => {
	it(`opens after ${FAILURES_TO_OPEN} failures in a row, lets one trial through after the pause, closes on success`, () => {
		let circuit = CLOSED;
		for (let i = 0; i < FAILURES_TO_OPEN; i++) circuit = afterCall(circuit, true, 0);
		expect(circuit.state).toBe('open');
		expect(canCall(circuit, OPEN_FOR_MS - 1)).toBe(false);
		expect(canCall(circuit, OPEN_FOR_MS)).toBe(true);
		const failedTrial = afterCall(circuit, true, OPEN_FOR_MS);
		expect(failedTrial.state).toBe('open');
		expect(failedTrial.openUntil).toBeGreaterThan(OPEN_FOR_MS * 2);
		expect(afterCall(circuit, false, OPEN_FOR_MS)).toEqual(CLOSED);
	});

	it('a success resets the count', () => {
		let circuit = CLOSED;
		for (let i = 0; i < FAILURES_TO_OPEN - 1; i++) circuit = afterCall(circuit, true, 0);
		circuit = afterCall(circuit, false, 0);
		circuit = afterCall(circuit, true, 0);
		expect(circuit).toEqual({ state: 'closed', failures: 1 });
	});
});
