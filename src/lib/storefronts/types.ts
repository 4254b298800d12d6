import type { Address } from '$lib/domain/address';
import type { Result } from '$lib/domain/result';
import type { StoreState } from '$lib/domain/store-state';
import type { StoreCredentials, StorefrontId } from '$lib/domain/storefront';
import type { AdapterAuditEntry } from '$lib/distributors/types';

/**
 * The one interface every web-store adapter implements, beside the distributor one: `fetch`
 * injected, zod at the edge, a Result for everything the store can say. The wire formats stay in
 * each store's api-schemas.ts; what crosses this interface is ours.
 */
export interface StorefrontAdapter {
	readonly id: StorefrontId;
	/** The shop's name when the store accepts the credentials; `auth` when it refuses them. */
	testConnection(): Promise<Result<{ shopName: string }>>;
	/**
	 * One page of the orders to ship that changed since `cursor.since`, from `cursor.page` on.
	 * `next` is where the following page starts, null after the last. A failure leaves the cursor
	 * as it was, so the next sync resumes at the page that failed.
	 */
	listOrdersSince(cursor: SyncCursor): Promise<Result<OrderPage>>;
	/**
	 * Tells the store one shipment left: Shopify a fulfilment with tracking, WooCommerce a note
	 * (and `completed` once everything shipped). A shipment the store already shows (a lost
	 * answer retried) is reported as done, never sent twice. `not_found` when the store has no
	 * such order or line.
	 */
	markShipped(order: StoreOrderKey, shipment: StoreShipment): Promise<Result<ShippedResult>>;
}

export interface StorefrontDeps {
	fetch: typeof fetch;
	credentials: StoreCredentials;
	audit?: (entry: AdapterAuditEntry) => void;
	timeoutMs?: number;
	/** Waits between calls (throttling); tests pass a fake that advances their clock. */
	sleep?: (ms: number) => Promise<void>;
	/** Real milliseconds, for the throttle bucket's refill; Date.now by default. */
	clockMs?: () => number;
}

export type StorefrontFactory = (deps: StorefrontDeps) => StorefrontAdapter;

/** Where a sync stands: the lower bound of `updated_at`, and the page within it. */
export interface SyncCursor {
	since: string;
	/** Shopify's `endCursor` or WooCommerce's page number; absent on the first page. */
	page?: string;
}

export interface OrderPage {
	orders: StoreOrder[];
	next: SyncCursor | null;
	/** Orders the store listed that cannot come in, in words (no address, too many lines …). */
	problems: string[];
}

/** An order as the store has it, in our terms. */
export interface StoreOrder {
	storeOrderId: string;
	/** The number the buyer knows: Shopify's name "#1042", WooCommerce's number "1042". */
	number: string;
	createdAt: string;
	updatedAt: string;
	/** Paid, cancelled, fulfilled there: read with store-state.ts, as an imported order's is. */
	storeState: StoreState;
	buyer: { name: string; email: string };
	shipTo: Address;
	items: StoreOrderItem[];
	adminUrl: string;
}

export interface StoreOrderItem {
	storeLineId: string;
	sku: string;
	title: string;
	brand?: string;
	quantity: number;
	unitPriceCents: number;
}

export interface StoreOrderKey {
	storeOrderId: string;
	number: string;
}

export interface StoreShipment {
	carrier: string;
	trackingNumbers: string[];
	trackingUrl?: string;
	/** The store's lines and how many of each left in this shipment. */
	lines: { storeLineId: string; quantity: number }[];
	/** True: the store emails the buyer (the dealer's choice); false: it stays silent. */
	notifyCustomer: boolean;
	/** Every item of the order has now shipped. */
	isComplete: boolean;
}

export interface ShippedResult {
	/** The store's id for what was created (fulfilment id, note id). */
	storeRef: string;
	/** In words for the order page: "Shopify told: fulfilled, UPS 1Z…". */
	message: string;
	/** The store already showed this shipment (an earlier answer was lost). */
	wasAlreadyThere: boolean;
}
