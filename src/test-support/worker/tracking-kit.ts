import { createAdapter } from '$lib/distributors/registry';
import type { Offer } from '$lib/domain/catalog';
import { DISTRIBUTOR_IDS, type DistributorId } from '$lib/domain/distributor';
import { createDemoFetch } from '$lib/mocks/demo-fetch';
import { demoAccounts } from '$lib/mocks/demo-data';
import { catalogFromOffers, Simulator, type RateLimit } from '$lib/simulator/simulator';
import { createApi } from '../../lib/worker/api';
import { createTestDeps } from './test-deps';

/**
 * A dealer with open POs at the four real simulators (the MSW handlers through the demo
 * transport, every adapter's real code), for the tracking tests and the tracking benchmark. Only
 * tests and scripts import this.
 */

/** One plentiful part per distributor, so every PO is accepted whole. */
const OFFERS: Offer[] = (
	[
		['wps', '87-4310', 'CA'],
		['pu', '1401-1193', 'WI'],
		['tucker', '160942', 'TX'],
		['automatic', 'A1000001', 'MAIN']
	] as const
).map(([distributorId, sku, warehouse]) => ({
	distributorId,
	sku,
	brand: 'Moose Racing',
	mpn: `M-${sku}`,
	description: `Part ${sku}`,
	costCents: 2500,
	msrpCents: 4999,
	stock: { [warehouse]: 1_000_000 }
}));

const SHIP_TO = {
	name: 'Heather Simmons',
	line1: '255 S Orange Ave',
	city: 'Orlando',
	state: 'FL',
	postalCode: '32801'
};

export interface TrackingWorldOptions {
	/** Real time (the benchmark: rate limits are per real minute) or a fixed clock (tests). */
	isRealTime?: boolean;
	/** Milliseconds before an adapter call is abandoned as a timeout. */
	timeoutMs?: number;
	rateLimit?: RateLimit;
}

export async function trackingWorld(options: TrackingWorldOptions = {}) {
	const base = options.isRealTime ? () => Date.now() : () => Date.parse('2026-11-20T15:00:00Z');
	let offset = 0;
	const now = () => base() + offset;
	const sim = new Simulator({ catalog: catalogFromOffers(OFFERS), realNow: now });
	/** Every request to a simulated distributor, when sent: its host and status (0 = no answer yet). */
	const calls: { host: string; status: number }[] = [];
	const transport = createDemoFetch(sim);
	const deps = createTestDeps({
		simulator: sim,
		now: () => new Date(now()),
		fetch: async (input, init) => {
			// The URL only: building a Request here would take the body the transport has to read.
			const host = new URL(input instanceof Request ? input.url : String(input)).host;
			const call = { host, status: 0 };
			calls.push(call);
			const response = await transport(input, init);
			call.status = response.status;
			return response;
		},
		adapters: (id, adapterDeps) =>
			createAdapter(id, { ...adapterDeps, timeoutMs: options.timeoutMs ?? 20_000 })
	});
	const api = createApi(deps);
	await deps.db.settings.put({
		key: 'app',
		value: {
			mode: 'demo',
			dealer: { name: 'Ridge Line Powersports', poPrefix: 'RL' },
			isAutoEmailOn: false
		}
	});
	await deps.db.distributors.bulkPut(demoAccounts(new Date(now())));

	/** Places `perDistributor` one-line POs at each distributor through the API; returns their numbers. */
	async function placeOpenPos(perDistributor: number): Promise<Record<DistributorId, string[]>> {
		const placed: Record<DistributorId, string[]> = { wps: [], pu: [], tucker: [], automatic: [] };
		let number = 0;
		for (let i = 0; i < perDistributor; i++) {
			for (const distributorId of DISTRIBUTOR_IDS) {
				const offer = OFFERS.find((o) => o.distributorId === distributorId) as Offer;
				placed[distributorId].push(await placeOne(distributorId, offer, `${++number}`));
			}
		}
		return placed;
	}

	async function placeOne(distributorId: DistributorId, offer: Offer, orderNumber: string) {
		const order = await api.orders.create({
			number: `W${orderNumber}`,
			buyer: { name: SHIP_TO.name, email: 'heather@example.com' },
			shipTo: SHIP_TO,
			items: [{ title: offer.description, sku: offer.sku, quantity: 1, unitPriceCents: 4999 }]
		});
		if (!order.ok) throw new Error(order.error.message);
		const [item] = await deps.db.orderItems.where('orderId').equals(order.value.id).toArray();
		const po = await api.purchaseOrders.place({
			orderId: order.value.id,
			distributorId,
			shipTo: SHIP_TO,
			lines: [{ orderItemId: item?.id ?? '', sku: offer.sku, quantity: 1, unitCostCents: 2500 }]
		});
		if (!po.ok) throw new Error(`${distributorId}: ${po.error.message}`);
		return po.value.poNumber;
	}

	/** POs by distributor in a given state of the PO machine. */
	async function posIn(state: string): Promise<Record<DistributorId, number>> {
		const counts: Record<DistributorId, number> = { wps: 0, pu: 0, tucker: 0, automatic: 0 };
		for (const po of await deps.db.purchaseOrders.toArray()) {
			if (po.state === state) counts[po.distributorId] += 1;
		}
		return counts;
	}

	return {
		sim,
		deps,
		api,
		calls,
		placeOpenPos,
		posIn,
		advanceHours: (hours: number) => (offset += hours * 3_600_000)
	};
}
