import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startCanary, type Canary } from './outbound-kit.ts';

/** The canary a suite shares: its port, and the connections that reached it during this test. */
export interface SuiteCanary {
	readonly port: number;
	leaks: () => number;
}

/**
 * Starts one canary for the suite and counts leaks per test: every socket the guard would open
 * goes to it, so a test expects `leaks()` to stay 0 (or to rise where a connection is allowed).
 */
export function useCanary(): SuiteCanary {
	let canary: Canary | undefined;
	let hitsBefore = 0;
	const started = (): Canary => {
		if (!canary) throw new Error('The canary starts in beforeAll; read it inside a test.');
		return canary;
	};
	beforeAll(async () => {
		canary = await startCanary();
	});
	beforeEach(() => {
		hitsBefore = started().hits();
	});
	afterAll(() => canary?.close());
	return {
		get port() {
			return started().port;
		},
		leaks: () => started().hits() - hitsBefore
	};
}
