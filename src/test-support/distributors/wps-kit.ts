import type { Offer } from '$lib/domain/catalog';
import { useSimulatorServer } from './sim-kit';
export type { SeenRequest } from './sim-kit';
import type { DropShipRequest } from '$lib/distributors/types';
import { createWpsAdapter, type WpsOptions } from '$lib/distributors/wps';
import { wpsHandlers, type WpsSimOptions } from '$lib/distributors/wps/mocks';

/** Test data and a simulator on msw/node for the WPS contract tests. Only tests import this. */
export const TOKEN = 'demo-wps-token-0000';

export function offer(
	sku: string,
	stock: Record<string, number>,
	extra: Partial<Offer> = {}
): Offer {
	return {
		distributorId: 'wps',
		sku,
		brand: 'Moose Racing',
		mpn: `M-${sku}`,
		description: `Part ${sku}`,
		costCents: 1234,
		msrpCents: 1999,
		stock,
		...extra
	};
}

export const OFFERS: Offer[] = [
	offer('2-R0451B-8', { CA: 40, PA: 3 }),
	offer('87-4310', { PA: 5 }, { costCents: 8995 }),
	offer('370-6402X', { TX: 2 }),
	offer('NLA-1000', { ID: 4 }, { status: 'NLA' })
];

export function request(overrides: Partial<DropShipRequest> = {}): DropShipRequest {
	return {
		poNumber: 'PO-1001',
		shipTo: {
			name: 'Dana Rider',
			line1: '12 Canyon Rd',
			city: 'Boise',
			state: 'ID',
			postalCode: '83702',
			country: 'US',
			phone: '2085550100',
			email: 'dana@example.com'
		},
		lines: [{ lineNo: 1, sku: '2-R0451B-8', quantity: 2 }],
		shippingMethod: 'ground',
		...overrides
	};
}

/** A fresh simulator per test (fixed real clock: only advanceHours moves time) and the adapter. */
export function useWpsSimulator(simOptions: WpsSimOptions = { slowMs: 120 }) {
	const { sim, server, seen, audit } = useSimulatorServer(OFFERS, (simulator) =>
		wpsHandlers(simulator, simOptions)
	);

	const adapter = (token = TOKEN, options: WpsOptions = {}) =>
		createWpsAdapter(
			{
				fetch: (input, init) => fetch(input, init),
				credentials: { apiToken: token },
				audit: (entry) => audit.push(entry),
				timeoutMs: 80,
				now: () => sim.now()
			},
			options
		);
	return { sim, server, adapter, audit, requests: () => Promise.all(seen) };
}
