import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Offer } from '$lib/domain/catalog';
import { catalogFromOffers, Simulator } from '$lib/mocks/simulator';
import type { AdapterAuditEntry, DropShipRequest } from '../types';
import { createPartsUnlimitedAdapter } from './index';
import { partsUnlimitedHandlers, type PuSimOptions } from './mocks';

/** Test data and a simulator on msw/node for the PU contract tests. Only tests import this. */
export const KEY = 'DEMOKEY-0000000-0000000-0000000';
export const DEALER = '12345';

function offer(sku: string, stock: Record<string, number>, costCents = 2150): Offer {
	return {
		distributorId: 'pu',
		sku,
		brand: 'Drag Specialties',
		mpn: `DS-${sku}`,
		description: `Part ${sku}`,
		costCents,
		msrpCents: costCents * 2,
		stock
	};
}

export const OFFERS: Offer[] = [
	offer('1401-1193', { WI: 14, NV: 2 }),
	offer('0101-0002', { NC: 3 }, 995),
	offer('2103-0174', { TX: 1 })
];

export interface SeenRequest {
	method: string;
	url: URL;
	headers: Headers;
	body: unknown;
}

export function request(overrides: Partial<DropShipRequest> = {}): DropShipRequest {
	return {
		poNumber: 'PO-2001',
		shipTo: {
			name: 'Sam Hill',
			company: 'Hill Racing',
			line1: '400 Main St',
			line2: 'Unit 2',
			city: 'Janesville',
			state: 'WI',
			postalCode: '53545',
			country: 'US'
		},
		lines: [{ lineNo: 1, sku: '1401-1193', quantity: 2 }],
		shippingMethod: 'ground',
		...overrides
	};
}

const parseJson = (text: string): unknown => (text ? JSON.parse(text) : undefined);

export function usePuSimulator(simOptions: PuSimOptions = { slowMs: 120 }) {
	const sim = new Simulator({
		catalog: catalogFromOffers(OFFERS),
		latencyMs: 0,
		realNow: () => Date.parse('2025-03-03T15:00:00Z')
	});
	const server = setupServer(...partsUnlimitedHandlers(sim, simOptions));
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

	const adapter = (apiKey = KEY, dealerNumber = DEALER) =>
		createPartsUnlimitedAdapter({
			fetch: (input, init) => fetch(input, init),
			credentials: { apiKey, dealerNumber },
			audit: (entry) => audit.push(entry),
			timeoutMs: 80,
			now: () => sim.now()
		});
	return { sim, server, adapter, audit, requests: () => Promise.all(seen) };
}
