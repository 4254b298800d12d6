import { createApi } from '../../lib/worker/api';
import type { ApiDeps } from '../../lib/worker/core/deps';
import { FakeDistributor } from './fake-distributor';
import { createTestDeps } from './test-deps';

/** The buyer's address in the placement tests (tests only). */
export const CODY_SHIP_TO = {
	name: 'Cody Walters',
	line1: '22 E Mifflin St',
	city: 'Madison',
	state: 'WI',
	postalCode: '53703'
};

/** The Parts Unlimited account the placement tests order through, on and with demo credentials. */
export async function putPuAccount(deps: ApiDeps): Promise<void> {
	await deps.db.distributors.put({
		id: 'pu',
		isEnabled: true,
		credentials: { dealerNumber: '10001', apiKey: 'DEMOKEY-0000000-0000000-0000000' },
		prerequisitesDone: [],
		updatedAt: deps.now().toISOString()
	});
}

/** Dealer "Ridge Line" (PO prefix RL) with its Parts Unlimited account, in a fresh database. */
export async function setUpRidgeLine(deps: ApiDeps): Promise<void> {
	await deps.db.settings.put({
		key: 'app',
		value: { dealer: { name: 'Ridge Line', poPrefix: 'RL' } }
	});
	await putPuAccount(deps);
}

/**
 * The placement tests' world: dealer "Ridge Line" (PO prefix RL) with a Parts Unlimited account,
 * a fake distributor behind every adapter, and web order 1009 for 2 × EBC brake pads. `place`
 * drop-ships that item at PU. Only tests import this.
 */
export async function dealerWithOrder(options: { wrap?: (deps: ApiDeps) => ApiDeps } = {}) {
	const fake = new FakeDistributor();
	const base = createTestDeps({ adapters: (id) => fake.adapter(id) });
	// `wrap` lets a test put something between the worker and its deps (a flaky write queue …).
	const deps = options.wrap ? options.wrap(base) : base;
	const api = createApi(deps);
	await setUpRidgeLine(deps);
	const created = await api.orders.create({
		number: '1009',
		buyer: { name: 'Cody Walters', email: 'cody@example.com' },
		shipTo: CODY_SHIP_TO,
		items: [{ title: 'EBC Brake Pads', sku: 'PU1721-2440', quantity: 2, unitPriceCents: 3995 }]
	});
	if (!created.ok) throw new Error(created.error.message);
	const orderId = created.value.id;
	const itemId = `${orderId}-1`;
	const place = (extra: Record<string, unknown> = {}) =>
		api.purchaseOrders.place({
			orderId,
			distributorId: 'pu',
			shipTo: CODY_SHIP_TO,
			lines: [{ orderItemId: itemId, sku: '1721-2440', quantity: 2, unitCostCents: 2210 }],
			...extra
		});
	return { fake, deps, api, orderId, itemId, place };
}

export const HEATHER_SHIP_TO = {
	name: 'Heather Simmons',
	line1: '255 S Orange Ave',
	city: 'Orlando',
	state: 'FL',
	postalCode: '32801'
};

/**
 * Web order `number` for Heather with `itemCount` parts (PU1000, PU1001 …), drop-shipped whole at
 * Parts Unlimited on one PO; returns the PO number. For the tracking and email tests.
 */
export async function placePuOrder(
	api: ReturnType<typeof createApi>,
	number: string,
	itemCount = 1
): Promise<string> {
	const order = await api.orders.create({
		number,
		buyer: { name: 'Heather Simmons', email: 'heather@example.com' },
		shipTo: HEATHER_SHIP_TO,
		items: Array.from({ length: itemCount }, (_, i) => ({
			title: `Part ${i + 1}`,
			sku: `PU100${i}`,
			quantity: 1,
			unitPriceCents: 5000
		}))
	});
	if (!order.ok) throw new Error(order.error.message);
	const placed = await api.purchaseOrders.place({
		orderId: order.value.id,
		distributorId: 'pu',
		shipTo: HEATHER_SHIP_TO,
		lines: Array.from({ length: itemCount }, (_, i) => ({
			orderItemId: `${order.value.id}-${i + 1}`,
			sku: `100${i}`,
			quantity: 1,
			unitCostCents: 3000
		}))
	});
	if (!placed.ok) throw new Error(placed.error.message);
	return placed.value.poNumber;
}
