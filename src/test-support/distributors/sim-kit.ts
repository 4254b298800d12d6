import type { RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Offer } from '$lib/domain/catalog';
import { catalogFromOffers, Simulator } from '$lib/simulator/simulator';
import type { AdapterAuditEntry } from '$lib/distributors/types';

/**
 * The common part of every distributor's contract-test kit: a simulator on msw/node at a fixed
 * time, the requests it received (to assert the exact wire format), and the adapter's audit
 * entries, all reset between tests. Only tests import this.
 */
export interface SeenRequest {
	method: string;
	url: URL;
	headers: Headers;
	body: unknown;
}

const parseJson = (text: string): unknown => (text ? JSON.parse(text) : undefined);

export function useSimulatorServer(
	offers: readonly Offer[],
	handlers: (sim: Simulator) => RequestHandler[]
) {
	const sim = new Simulator({
		catalog: catalogFromOffers(offers),
		latencyMs: 0,
		realNow: () => Date.parse('2025-03-03T15:00:00Z')
	});
	const server = setupServer(...handlers(sim));
	const seen: Promise<SeenRequest>[] = [];
	const audit: AdapterAuditEntry[] = [];
	server.events.on('request:start', ({ request: r }) => {
		const copy = r.clone();
		seen.push(
			copy.text().then((text) => ({
				method: copy.method,
				url: new URL(copy.url),
				headers: copy.headers,
				body: parseJson(text)
			}))
		);
	});
	beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
	afterEach(() => {
		sim.reset();
		seen.length = 0;
		audit.length = 0;
	});
	afterAll(() => server.close());
	return { sim, server, seen, audit };
}
