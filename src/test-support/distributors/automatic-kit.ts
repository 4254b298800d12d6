import type { Offer } from '$lib/domain/catalog';
import { useSimulatorServer } from './sim-kit';
export type { SeenRequest } from './sim-kit';
import type { DistributorAdapter, DropShipRequest } from '$lib/distributors/types';
import { createAutomaticAdapter, type AutomaticOptions } from '$lib/distributors/automatic';
import { automaticHandlers, type AutomaticSimOptions } from '$lib/distributors/automatic/mocks';

/** Test data and a simulator on msw/node for the Automatic contract tests. Only tests import this. */
export const TOKEN = 'demo-automatic-token-0000';
export const BASE = 'https://api.autodist.example/v2';

function offer(sku: string, stock: Record<string, number>, costCents = 3450): Offer {
	return {
		distributorId: 'automatic',
		sku,
		brand: 'K&N',
		mpn: `KN-${sku}`,
		description: `Part ${sku}`,
		costCents,
		stock
	};
}

export const OFFERS: Offer[] = [
	offer('A1000001', { MAIN: 12 }),
	offer('A1000002', { MAIN: 4 }, 1299),
	offer('A1000003', { MAIN: 0 }, 899),
	offer('CARB-100', { MAIN: 5 }, 15999)
];

export function request(overrides: Partial<DropShipRequest> = {}): DropShipRequest {
	return {
		poNumber: 'PO-4001',
		shipTo: {
			name: 'Lee Park',
			company: 'Park Offroad',
			line1: '77 Dune Way',
			city: 'Reno',
			state: 'NV',
			postalCode: '89501',
			country: 'US',
			phone: '775-555-0100'
		},
		lines: [{ lineNo: 1, sku: 'A1000001', quantity: 2 }],
		shippingMethod: 'ground',
		...overrides
	};
}

export function useAutomaticSimulator(simOptions: AutomaticSimOptions = { slowMs: 120 }) {
	const { sim, server, seen, audit } = useSimulatorServer(OFFERS, (simulator) =>
		automaticHandlers(simulator, simOptions)
	);

	const adapter = (
		apiToken: string | undefined = TOKEN,
		options: AutomaticOptions = {}
	): DistributorAdapter =>
		createAutomaticAdapter(
			{
				fetch: (input, init) => fetch(input, init),
				credentials: { apiToken, apiBaseUrl: BASE },
				audit: (entry) => audit.push(entry),
				timeoutMs: 80,
				now: () => sim.now()
			},
			options
		);
	return { sim, server, adapter, audit, requests: () => Promise.all(seen) };
}
