import type { Offer } from '$lib/domain/catalog';
import { useSimulatorServer } from './sim-kit';
export type { SeenRequest } from './sim-kit';
import type { DropShipRequest } from '$lib/distributors/types';
import { createPartsUnlimitedAdapter } from '$lib/distributors/parts-unlimited';
import { partsUnlimitedHandlers, type PuSimOptions } from '$lib/distributors/parts-unlimited/mocks';

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

export function usePuSimulator(simOptions: PuSimOptions = { slowMs: 120 }) {
	const { sim, server, seen, audit } = useSimulatorServer(OFFERS, (simulator) =>
		partsUnlimitedHandlers(simulator, simOptions)
	);

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
