import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Offer } from '$lib/domain/catalog';
import { catalogFromOffers, Simulator } from '$lib/simulator/simulator';
import type {
	AdapterAuditEntry,
	DistributorAdapter,
	DropShipRequest
} from '$lib/distributors/types';
import { createTuckerRockyAdapter, type TuckerRockyOptions } from '$lib/distributors/tucker-rocky';
import { tuckerRockyHandlers, type TuckerSimOptions } from '$lib/distributors/tucker-rocky/mocks';

/** Test data and a simulator on msw/node for the Tucker contract tests. Only tests import this. */
export const KEY = 'DEMOTUCKERKEY000000000000000';
export const CUST = '123456';

function offer(sku: string, stock: Record<string, number>, costCents = 2150): Offer {
	return {
		distributorId: 'tucker',
		sku,
		brand: 'Fly Racing',
		mpn: `FR-${sku}`,
		description: `Part ${sku}`,
		costCents,
		stock
	};
}

export const OFFERS: Offer[] = [
	offer('160942', { TX: 14, PA: 3 }),
	offer('BA0006', { OR: 2, CO: 1 }, 11997),
	offer('550123', {}, 995)
];

export interface SeenRequest {
	method: string;
	url: URL;
	headers: Headers;
}

export function request(overrides: Partial<DropShipRequest> = {}): DropShipRequest {
	return {
		poNumber: 'PO-3001',
		shipTo: {
			name: 'Dana Ruiz',
			line1: '12 Canyon Rd',
			line2: 'Apt 4',
			city: 'Boise',
			state: 'ID',
			postalCode: '83702',
			country: 'US'
		},
		lines: [{ lineNo: 1, sku: '160942', quantity: 2 }],
		shippingMethod: 'ground',
		...overrides
	};
}

export function useTuckerSimulator(simOptions: TuckerSimOptions = { slowMs: 120 }) {
	const sim = new Simulator({
		catalog: catalogFromOffers(OFFERS),
		latencyMs: 0,
		realNow: () => Date.parse('2025-03-03T15:00:00Z')
	});
	const server = setupServer(...tuckerRockyHandlers(sim, simOptions));
	const seen: SeenRequest[] = [];
	const audit: AdapterAuditEntry[] = [];
	server.events.on('request:start', ({ request: r }) => {
		seen.push({ method: r.method, url: new URL(r.url), headers: r.headers });
	});
	beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
	afterEach(() => {
		sim.reset();
		seen.length = 0;
		audit.length = 0;
	});
	afterAll(() => server.close());

	const adapter = (
		apiKey: string | undefined = KEY,
		customerNumber: string | undefined = CUST,
		options: TuckerRockyOptions = {}
	): DistributorAdapter =>
		createTuckerRockyAdapter(
			{
				fetch: (input, init) => fetch(input, init),
				credentials: { apiKey, customerNumber },
				audit: (entry) => audit.push(entry),
				timeoutMs: 80,
				now: () => sim.now()
			},
			options
		);
	return { sim, server, adapter, audit, requests: () => [...seen] };
}

/** The query as ordered name/value pairs: what Tucker received, repeated parameters included. */
export function params(url: URL | undefined): [string, string][] {
	return url ? [...url.searchParams.entries()] : [];
}
