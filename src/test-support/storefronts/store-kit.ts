import type { RequestHandler } from 'msw';
import type { Offer } from '$lib/domain/catalog';
import type { StoreCredentials } from '$lib/domain/storefront';
import type { Simulator } from '$lib/simulator/simulator';
import { useSimulatorServer } from '$test-support/distributors/sim-kit';
import type { StorefrontAdapter, StorefrontDeps, SyncCursor } from '$lib/storefronts/types';

/**
 * The web stores' contract-test kit: a simulator on msw/node, the requests it saw, and a fake
 * clock the adapter's throttle sleeps on (so a test waits no real time). Only tests import this.
 */
export function useStoreSimulator(
	handlers: (sim: Simulator, clockMs: () => number) => RequestHandler[]
) {
	const clock = { ms: 0, slept: [] as number[] };
	const kit = useSimulatorServer([] as Offer[], (sim) => handlers(sim, () => clock.ms));
	const deps = (credentials: StoreCredentials): StorefrontDeps => ({
		fetch: (input, init) => fetch(input, init),
		credentials,
		audit: (entry) => kit.audit.push(entry),
		timeoutMs: 2_000,
		clockMs: () => clock.ms,
		sleep: async (ms) => {
			clock.slept.push(ms);
			clock.ms += ms;
		}
	});
	return { ...kit, clock, deps, requests: () => Promise.all(kit.seen) };
}

/** Reads every page from `cursor` on and returns the order numbers in the order they came. */
export async function drainOrders(
	adapter: () => StorefrontAdapter,
	cursor: SyncCursor
): Promise<string[]> {
	const numbers: string[] = [];
	let next: SyncCursor | null = cursor;
	while (next) {
		const page = await adapter().listOrdersSince(next);
		if (!page.ok) throw new Error(page.error.message);
		numbers.push(...page.value.orders.map((o) => o.number));
		next = page.value.next;
	}
	return numbers;
}
