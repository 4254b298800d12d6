import { z } from 'zod';

/**
 * Where an order stands in the web store it came from: paid or not, cancelled or not, fulfilled
 * there or not. Every way orders come in (Shopify CSV, JSON, the Shopify and WooCommerce sync)
 * turns the store's own status words into a `StoreState` with `readStoreState`, and eligibility
 * asks `storeHold` whether the order may be drop-shipped: one rule, one place.
 */

export const StorePayment = z.enum([
	'paid',
	'partially_paid',
	'partially_refunded',
	'pending',
	'on_hold',
	'authorized',
	'expired',
	'refunded',
	'voided',
	'failed',
	'unknown'
]);
export type StorePayment = z.infer<typeof StorePayment>;

export const StoreFulfilment = z.enum([
	'unfulfilled',
	'partial',
	'in_progress',
	'on_hold',
	'scheduled',
	'fulfilled',
	'restocked',
	'unknown'
]);
export type StoreFulfilment = z.infer<typeof StoreFulfilment>;

export const StoreState = z.object({
	payment: StorePayment,
	fulfilment: StoreFulfilment,
	isCancelled: z.boolean(),
	cancelledAt: z.iso.datetime().optional(),
	/** The store's own words ("paid · unfulfilled", "on-hold"), shown beside ours. */
	statusText: z.string()
});
export type StoreState = z.infer<typeof StoreState>;

/**
 * What a store says about an order, as it says it. Shopify: the CSV's lower-case words
 * (`paid`, `partially_paid`, `unfulfilled`, `partial`) or the Admin API's enums (`PAID`,
 * `PARTIALLY_FULFILLED`); blank fulfilment means unfulfilled. WooCommerce: the order `status`.
 * `cancelledAt` is any date the store gives (ISO or Shopify's "2026-12-04 10:00:00 -0500").
 */
export type StoreStatusInput =
	| {
			store: 'shopify';
			financialStatus?: string | null;
			fulfillmentStatus?: string | null;
			cancelledAt?: string | null;
	  }
	| { store: 'woocommerce'; status: string; cancelledAt?: string | null };

/** The setting that decides whether an authorised (not yet captured) payment may ship. */
export interface StorePolicy {
	isAuthorizedShippable: boolean;
}

const word = (s: string | null | undefined) =>
	(s ?? '')
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_');

const SHOPIFY_PAYMENT: Record<string, StorePayment> = {
	paid: 'paid',
	partially_paid: 'partially_paid',
	partially_refunded: 'partially_refunded',
	pending: 'pending',
	authorized: 'authorized',
	expired: 'expired',
	refunded: 'refunded',
	voided: 'voided'
};

const SHOPIFY_FULFILMENT: Record<string, StoreFulfilment> = {
	'': 'unfulfilled',
	unfulfilled: 'unfulfilled',
	unshipped: 'unfulfilled',
	open: 'unfulfilled',
	pending_fulfillment: 'unfulfilled',
	request_declined: 'unfulfilled',
	partial: 'partial',
	partially_fulfilled: 'partial',
	in_progress: 'in_progress',
	on_hold: 'on_hold',
	scheduled: 'scheduled',
	fulfilled: 'fulfilled',
	shipped: 'fulfilled',
	restocked: 'restocked'
};

const WOO: Record<string, Omit<StoreState, 'statusText' | 'cancelledAt'>> = {
	pending: { payment: 'pending', fulfilment: 'unfulfilled', isCancelled: false },
	checkout_draft: { payment: 'pending', fulfilment: 'unfulfilled', isCancelled: false },
	on_hold: { payment: 'on_hold', fulfilment: 'unfulfilled', isCancelled: false },
	processing: { payment: 'paid', fulfilment: 'unfulfilled', isCancelled: false },
	completed: { payment: 'paid', fulfilment: 'fulfilled', isCancelled: false },
	cancelled: { payment: 'unknown', fulfilment: 'unfulfilled', isCancelled: true },
	trash: { payment: 'unknown', fulfilment: 'unfulfilled', isCancelled: true },
	refunded: { payment: 'refunded', fulfilment: 'unfulfilled', isCancelled: false },
	failed: { payment: 'failed', fulfilment: 'unfulfilled', isCancelled: false }
};

/** "2026-12-04 10:00:00 -0500" (Shopify's exports) or any ISO date → ISO in UTC. */
export function parseStoreDate(text: string | null | undefined): string | undefined {
	if (!text?.trim()) return undefined;
	const shopify = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{2})(\d{2})$/.exec(text.trim());
	const date = new Date(
		shopify ? `${shopify[1]}T${shopify[2]}${shopify[3]}:${shopify[4]}` : text.trim()
	);
	return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The store's status words as one normalised state. Pure; unknown words read as `unknown`. */
export function readStoreState(input: StoreStatusInput): StoreState {
	const cancelledAt = parseStoreDate(input.cancelledAt);
	if (input.store === 'woocommerce') {
		const known = WOO[word(input.status)];
		return {
			...(known ?? { payment: 'unknown', fulfilment: 'unknown', isCancelled: false }),
			...(cancelledAt && known?.isCancelled ? { cancelledAt } : {}),
			statusText: input.status.trim()
		};
	}
	const financial = word(input.financialStatus);
	const fulfilment = word(input.fulfillmentStatus);
	const isCancelled = Boolean(input.cancelledAt?.trim());
	return {
		payment: SHOPIFY_PAYMENT[financial] ?? 'unknown',
		fulfilment: SHOPIFY_FULFILMENT[fulfilment] ?? 'unknown',
		isCancelled,
		...(cancelledAt ? { cancelledAt } : {}),
		statusText: [input.financialStatus?.trim(), input.fulfillmentStatus?.trim() || 'unfulfilled']
			.filter(Boolean)
			.join(' · ')
	};
}

/** "Dec 4" in the dealer's time zone (or the one given, for tests). */
function shortDate(iso: string, timeZone?: string): string {
	return new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone }).format(
		new Date(iso)
	);
}

const PAYMENT_HOLD: Partial<Record<StorePayment, string>> = {
	pending: 'Payment pending in the store',
	on_hold: 'On hold in the store, waiting for payment',
	authorized: 'Payment only authorized in the store, not captured',
	expired: 'Payment authorization expired in the store',
	refunded: 'Refunded in the store',
	voided: 'Payment voided in the store',
	failed: 'Payment failed in the store',
	partially_refunded: 'Partly refunded in the store: check there what still ships'
};

const FULFILMENT_HOLD: Partial<Record<StoreFulfilment, string>> = {
	fulfilled: 'Already fulfilled in the store',
	restocked: 'Restocked in the store',
	on_hold: 'Fulfilment on hold in the store',
	scheduled: 'Scheduled for later fulfilment in the store',
	in_progress: 'Being fulfilled in the store'
};

/**
 * Why the store's state keeps the order from being drop-shipped, in the dealer's words, or null
 * when it may ship: paid or partly paid, not cancelled, not fulfilled there. An order with no
 * store state (typed by hand, or from before stores were read) is not held. An authorised
 * payment ships only when the dealer allows it in Settings.
 */
export function storeHold(
	state: StoreState | undefined,
	policy: StorePolicy,
	timeZone?: string
): string | null {
	if (!state) return null;
	if (state.isCancelled) {
		return state.cancelledAt
			? `Cancelled in the store on ${shortDate(state.cancelledAt, timeZone)}`
			: 'Cancelled in the store';
	}
	const fulfilled = FULFILMENT_HOLD[state.fulfilment];
	if (fulfilled) return fulfilled;
	if (state.payment === 'authorized' && policy.isAuthorizedShippable) return null;
	const payment = PAYMENT_HOLD[state.payment];
	if (payment) return payment;
	if (state.payment === 'unknown' || state.fulfilment === 'unknown')
		return `The store says "${state.statusText}", which this app does not know: check the order there`;
	return null;
}

/** A line of a store order: fulfilled there already, or still open. Blank reads as open. */
export const StoreLineFulfilment = z.enum(['open', 'partial', 'fulfilled']);
export type StoreLineFulfilment = z.infer<typeof StoreLineFulfilment>;

/** Shopify's "Lineitem fulfillment status" (`pending`, `fulfilled`, `partial`, …) as ours. */
export function readLineFulfilment(status: string | null | undefined): StoreLineFulfilment {
	const w = word(status);
	if (w === 'fulfilled' || w === 'shipped' || w === 'restocked') return 'fulfilled';
	if (w === 'partial' || w === 'partially_fulfilled') return 'partial';
	return 'open';
}
