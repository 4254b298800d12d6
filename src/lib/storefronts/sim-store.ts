import type { DistributorId } from '$lib/domain/distributor';
import type { StorefrontId } from '$lib/domain/storefront';
import { DEMO_BUYERS } from '$lib/simulator/buyers';
import { seededRandom, type Simulator } from '$lib/simulator/simulator';

/**
 * The state behind the simulated web stores, kept in the Simulator (so demo mode persists it and
 * its clock drives it): orders arriving on the simulator's clock, the fulfilments and notes the
 * app sends back, and the emails the store would have sent the buyer. Each store's mocks.ts
 * renders it in that store's wire format.
 */
export interface SimStoreLine {
	n: number;
	sku: string;
	title: string;
	vendor: string;
	quantity: number;
	priceCents: number;
}

export interface SimFulfillment {
	n: number;
	company: string;
	numbers: string[];
	urls: string[];
	notifyCustomer: boolean;
	lines: { lineN: number; quantity: number }[];
	createdAt: string;
}

export interface SimNote {
	n: number;
	note: string;
	isCustomerNote: boolean;
	createdAt: string;
}

export interface SimStoreOrder {
	n: number;
	number: number;
	createdAt: string;
	updatedAt: string;
	name: string;
	email: string;
	address: { line1: string; city: string; state: string; zip: string };
	lines: SimStoreLine[];
	isPaid: boolean;
	cancelledAt: string | null;
	/** WooCommerce's status word; Shopify derives its statuses from the fields above. */
	wooStatus: 'processing' | 'completed' | 'cancelled' | 'pending';
	fulfillments: SimFulfillment[];
	notes: SimNote[];
}

export interface SimStoreFaults {
	/** After this many calls every call is refused (THROTTLED / 429) until the fault is cleared. */
	refuseAfterCalls?: number;
	/** Fulfilments and notes are recorded, then the connection drops: the answer is lost. */
	dropWriteAnswers?: boolean;
}

export interface SimStore {
	orders: SimStoreOrder[];
	sequence: number;
	/** Arrivals are generated up to this simulator time. */
	generatedUntil: string | null;
	/** Shopify's cost bucket: points left at a real time. */
	bucket: { available: number; at: number } | null;
	calls: number;
	faults: SimStoreFaults;
	/** Emails the store sent a buyer (shipping confirmations, customer notes, completed orders). */
	buyerEmails: { orderNumber: number; kind: string }[];
	/**
	 * WooCommerce › Settings › Emails › "Completed order": on in a new store, so setting an order
	 * `completed` emails the buyer unless the dealer turned it off there.
	 */
	isCompletedEmailOn: boolean;
}

export function storeState(sim: Simulator, id: StorefrontId): SimStore {
	return sim.extra<SimStore>(id, () => ({
		orders: [],
		sequence: 0,
		generatedUntil: null,
		bucket: null,
		calls: 0,
		faults: {},
		buyerEmails: [],
		isCompletedEmailOn: true
	}));
}

const PREFIX: Partial<Record<DistributorId, string>> = { wps: 'WP', pu: 'PU', tucker: 'TR' };
const FALLBACK_SKUS = ['WP87-4310', 'PU0101-1234', 'TR123456'];

/** First order number of a simulated store: clear of the demo's imported 1001–1028. */
const FIRST_NUMBER = 1101;

function newOrder(sim: Simulator, store: SimStore, at: Date): SimStoreOrder {
	store.sequence += 1;
	const n = store.sequence;
	const random = seededRandom(n * 7919);
	const [name, city, state, zip, line1] = DEMO_BUYERS[n % DEMO_BUYERS.length] ?? DEMO_BUYERS[0];
	const lines: SimStoreLine[] = [];
	const count = random() < 0.7 ? 1 : 2;
	for (let i = 0; i < count; i++) {
		const distributor = (['wps', 'pu', 'tucker'] as const)[Math.floor(random() * 3)] ?? 'wps';
		const skus = sim.catalog.skus(distributor);
		const sku = skus[Math.floor(random() * skus.length)];
		const offer = sku ? sim.catalog.lookup(distributor, sku) : undefined;
		lines.push({
			n: n * 10 + i,
			sku: offer ? `${PREFIX[distributor]}${offer.sku}` : (FALLBACK_SKUS[i] ?? 'WP87-4310'),
			title: offer?.description ?? `Part ${i + 1}`,
			vendor: offer?.brand ?? 'Moose Racing',
			quantity: random() < 0.85 ? 1 : 2,
			priceCents: offer?.msrpCents ?? 4995
		});
	}
	const iso = at.toISOString();
	return {
		n,
		number: FIRST_NUMBER + n - 1,
		createdAt: iso,
		updatedAt: iso,
		name,
		email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`,
		address: { line1, city, state, zip },
		lines,
		isPaid: true,
		cancelledAt: null,
		wooStatus: 'processing',
		fulfillments: [],
		notes: []
	};
}

/** Adds `count` paid orders at `at` (the simulator's now by default); tests and the bench use it. */
export function addStoreOrders(
	sim: Simulator,
	id: StorefrontId,
	count: number,
	at: Date = sim.now()
): SimStoreOrder[] {
	const store = storeState(sim, id);
	const added = Array.from({ length: count }, () => newOrder(sim, store, at));
	store.orders.push(...added);
	sim.changed();
	return added;
}

/**
 * Orders that arrived since the last request: one every 0.5–1.5 × (24 h / arrivalsPerDay) of
 * simulator time, seeded, so four hours of an 8-a-day store bring one to three.
 */
export function catchUpArrivals(sim: Simulator, id: StorefrontId, arrivalsPerDay: number): void {
	if (arrivalsPerDay <= 0) return;
	const store = storeState(sim, id);
	const now = sim.now().getTime();
	let at = store.generatedUntil ? Date.parse(store.generatedUntil) : now;
	const mean = 86_400_000 / arrivalsPerDay;
	let isChanged = store.generatedUntil === null;
	for (;;) {
		const random = seededRandom(store.sequence * 104_729 + 17);
		const next = at + mean * (0.5 + random());
		if (next > now) break;
		store.orders.push(newOrder(sim, store, new Date(next)));
		at = next;
		isChanged = true;
	}
	store.generatedUntil = new Date(at).toISOString();
	if (isChanged) sim.changed();
}

/** Counts a call; true when the `refuseAfterCalls` fault says to refuse it. */
export function countCall(store: SimStore): boolean {
	store.calls += 1;
	const after = store.faults.refuseAfterCalls;
	return after !== undefined && store.calls > after;
}

/** How many of a line are still to ship: ordered minus what fulfilments carried. */
export function remainingQuantity(order: SimStoreOrder, line: SimStoreLine): number {
	const done = order.fulfillments
		.flatMap((f) => f.lines)
		.filter((l) => l.lineN === line.n)
		.reduce((sum, l) => sum + l.quantity, 0);
	return Math.max(0, line.quantity - done);
}
