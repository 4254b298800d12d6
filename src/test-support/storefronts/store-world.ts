import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { ShipmentInfo } from '$lib/distributors/types';
import type { BuyerNotifier, StorefrontId } from '$lib/domain/storefront';
import { Simulator } from '$lib/simulator/simulator';
import { shopifyHandlers } from '$lib/storefronts/shopify/mocks';
import { wooHandlers } from '$lib/storefronts/woocommerce/mocks';
import { createApi } from '../../lib/worker/api';
import type { ApiDeps } from '../../lib/worker/core/deps';
import { FakeDistributor } from '../worker/fake-distributor';
import { createTestDeps } from '../worker/test-deps';

export const SHOPIFY_CONNECTION = {
	storefrontId: 'shopify' as const,
	credentials: { shop: 'ridge-line.myshopify.com', accessToken: 'shpat_demo_0000' }
};
export const WOO_CONNECTION = {
	storefrontId: 'woocommerce' as const,
	credentials: {
		shop: 'https://shop.ridgeline.example',
		consumerKey: 'ck_demo_0000',
		consumerSecret: 'cs_demo_0000'
	}
};

/**
 * The storefront worker tests' world: both simulated stores on msw/node at the test clock, a fake
 * distributor behind every adapter (placing and shipping POs), and a dealer with a Parts
 * Unlimited account. `dealer()` connects one store; `reload()` builds a new API on the same
 * database, as a reloaded tab would. Only tests import this.
 */
export function useStoreWorld() {
	const sim = new Simulator({ realNow: () => Date.parse('2026-11-20T15:00:00Z') });
	const clock = { ms: 0 };
	const server = setupServer(
		...shopifyHandlers(sim, { clockMs: () => clock.ms }),
		...wooHandlers(sim)
	);
	beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
	afterEach(() => {
		sim.reset();
		clock.ms = 0;
	});
	afterAll(() => server.close());

	async function dealer(storefrontId: StorefrontId = 'shopify', notifier: BuyerNotifier = 'store') {
		const fake = new FakeDistributor();
		const deps: ApiDeps = createTestDeps({
			fetch: (input, init) => fetch(input, init),
			adapters: (id) => fake.adapter(id),
			storeTiming: {
				clockMs: () => clock.ms,
				sleep: async (ms) => {
					clock.ms += ms;
				}
			}
		});
		await deps.db.settings.put({
			key: 'app',
			value: { mode: 'live', dealer: { name: 'Ridge Line', poPrefix: 'RL' }, isAutoEmailOn: true }
		});
		await deps.db.distributors.put({
			id: 'pu',
			isEnabled: true,
			credentials: { dealerNumber: '10001', apiKey: 'KEY' },
			prerequisitesDone: [],
			updatedAt: deps.now().toISOString()
		});
		// Emails count as sent without a mail server: the test counts them in the outbox.
		await deps.db.settings.put({
			key: 'smtp',
			value: { host: '127.0.0.1', port: 2525, tlsMode: 'none', from: 'orders@ridgeline.example' }
		});
		let api = createApi(deps);
		const connection = storefrontId === 'shopify' ? SHOPIFY_CONNECTION : WOO_CONNECTION;
		const connected = await api.storefront.connect({ ...connection, notifier });
		if (!connected.ok) throw new Error(connected.error.message);

		/**
		 * Drop-ships the items of order `number` (every one, or the lines named) at PU on one PO;
		 * returns the PO number.
		 */
		async function dropShip(number: string, lineNos?: readonly number[]): Promise<string> {
			const order = await deps.db.orders.where('number').equals(number).first();
			if (!order) throw new Error(`no order ${number}`);
			const items = (await deps.db.orderItems.where('orderId').equals(order.id).toArray()).filter(
				(item) => !lineNos || lineNos.includes(item.lineNo)
			);
			const placed = await api.purchaseOrders.place({
				orderId: order.id,
				distributorId: 'pu',
				shipTo: order.shipTo,
				lines: items.map((item) => ({
					orderItemId: item.id,
					sku: item.sku.replace(/^(PU|WP|TR)/, ''),
					quantity: item.quantity,
					unitCostCents: 1000
				}))
			});
			if (!placed.ok) throw new Error(placed.error.message);
			return placed.value.poNumber;
		}

		/** The distributor reports the PO shipped whole under one tracking number. */
		async function ship(poNumber: string, tracking: string): Promise<void> {
			const po = await deps.db.purchaseOrders.where('poNumber').equals(poNumber).first();
			const lines = po ? await deps.db.poLines.where('poId').equals(po.id).toArray() : [];
			const shipment: ShipmentInfo = {
				distributorRef: `S-${tracking}`,
				carrier: 'UPS',
				trackingNumbers: [tracking],
				lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity }))
			};
			fake.statuses.set(poNumber, {
				poNumber,
				status: 'shipped',
				distributorRefs: ['PU-1'],
				shipments: [shipment]
			});
		}

		return {
			deps,
			fake,
			get api() {
				return api;
			},
			reload() {
				api = createApi(deps);
			},
			dropShip,
			ship
		};
	}
	return { sim, server, clock, dealer };
}
