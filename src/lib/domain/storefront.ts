import { z } from 'zod';

/** The web stores Dropship Desk takes orders from (storefronts.md). */
export const StorefrontId = z.enum(['shopify', 'woocommerce']);
export type StorefrontId = z.infer<typeof StorefrontId>;

export const STOREFRONT_NAMES: Record<StorefrontId, string> = {
	shopify: 'Shopify',
	woocommerce: 'WooCommerce'
};

/**
 * Who tells the buyer about a shipment: the store (Shopify's shipping confirmation, WooCommerce's
 * customer note) or Dropship Desk's own SMTP email. Decided once per store, so a buyer gets one
 * email per shipment: never both, never none.
 */
export const BuyerNotifier = z.enum(['store', 'smtp']);
export type BuyerNotifier = z.infer<typeof BuyerNotifier>;

/**
 * What the dealer types to connect a store. Shopify: the shop's myshopify.com domain and a custom
 * app's Admin API access token. WooCommerce: the store's https address and a REST consumer key
 * and secret.
 */
export const StoreCredentials = z.object({
	shop: z.string().trim().min(1, 'is required'),
	accessToken: z.string().trim().optional(),
	consumerKey: z.string().trim().optional(),
	consumerSecret: z.string().trim().optional()
});
export type StoreCredentials = z.infer<typeof StoreCredentials>;

/** The secret fields per store: sealed at rest like the distributor keys. */
export const STORE_SECRET_FIELDS: Record<StorefrontId, readonly (keyof StoreCredentials)[]> = {
	shopify: ['accessToken'],
	woocommerce: ['consumerKey', 'consumerSecret']
};

/** The store's side of an order that came in by a sync: the key that makes syncing idempotent. */
export const StoreOrderRef = z.object({
	storefrontId: StorefrontId,
	/** The store's own id (Shopify's `gid://shopify/Order/…`, WooCommerce's numeric id). */
	orderId: z.string().min(1),
	/** The order in the store's admin, for the link on the orders list. */
	url: z.string(),
	updatedAt: z.iso.datetime(),
	/** Set when the store changed the order after a PO was placed, or cancelled it: the dealer decides. */
	flag: z.string().optional()
});
export type StoreOrderRef = z.infer<typeof StoreOrderRef>;

export const StorePushState = z.enum(['queued', 'sending', 'retrying', 'done', 'failed']);
export type StorePushState = z.infer<typeof StorePushState>;

/** One shipment to tell the store about: queued once per shipment, retried like the outbox. */
export const StorePush = z.object({
	id: z.string(),
	/** One push per shipment, across reloads and tabs. */
	shipmentId: z.string(),
	orderId: z.string(),
	storefrontId: StorefrontId,
	/** Decided when the shipment arrived (see whoTellsBuyer) and never again. */
	notifyCustomer: z.boolean(),
	state: StorePushState,
	attempts: z.number().int().nonnegative(),
	/** What the store was told, in words: "Shopify told: fulfilled, UPS 1Z…". */
	message: z.string().optional(),
	lastError: z.string().optional(),
	createdAt: z.iso.datetime(),
	doneAt: z.iso.datetime().optional()
});
export type StorePush = z.infer<typeof StorePush>;

/**
 * The one rule for the buyer's shipment email: an order from a connected store whose dealer chose
 * the store is told by the store; every other order by our SMTP email.
 */
export function whoTellsBuyer(
	order: { store?: Pick<StoreOrderRef, 'storefrontId'> },
	connection: { storefrontId: StorefrontId; notifier: BuyerNotifier } | null
): BuyerNotifier {
	if (!order.store || !connection) return 'smtp';
	return order.store.storefrontId === connection.storefrontId ? connection.notifier : 'smtp';
}

/** The connected store as saved: secret fields sealed, their hints ("••••••3F9A") in `credentials`. */
export const StoreConnection = z.object({
	storefrontId: StorefrontId,
	credentials: StoreCredentials,
	sealed: z.record(z.string(), z.object({ iv: z.string(), ct: z.string() })).default({}),
	notifier: BuyerNotifier,
	connectedAt: z.iso.datetime(),
	lastTest: z.object({ at: z.iso.datetime(), ok: z.boolean(), message: z.string() }).optional()
});
export type StoreConnection = z.infer<typeof StoreConnection>;

/** The last sync in words for Settings › Storefront and the dashboard ("12:04, 3 new orders"). */
export const SyncStatus = z.object({
	at: z.iso.datetime(),
	ok: z.boolean(),
	newOrders: z.number().int().nonnegative(),
	updated: z.number().int().nonnegative(),
	flagged: z.number().int().nonnegative(),
	message: z.string(),
	problems: z.array(z.string()).default([])
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/**
 * Where the next sync starts: orders changed after `since`, from `page` on when the last sync
 * stopped midway (a 429 or THROTTLED), and the newest change seen so far in that run.
 */
export const SyncState = z.object({
	storefrontId: StorefrontId,
	since: z.iso.datetime(),
	page: z.string().optional(),
	highWater: z.iso.datetime().optional(),
	last: SyncStatus.optional()
});
export type SyncState = z.infer<typeof SyncState>;

/** "12:04, 3 new orders" (local time of the browser). */
export function syncSummary(status: SyncStatus, timeZone?: string): string {
	const time = new Date(status.at).toLocaleTimeString('en-GB', {
		hour: '2-digit',
		minute: '2-digit',
		...(timeZone ? { timeZone } : {})
	});
	if (!status.ok) return `${time}, ${status.message}`;
	const n = status.newOrders;
	return `${time}, ${n === 0 ? 'no' : n} new order${n === 1 ? '' : 's'}`;
}

/** The store's own way of telling the buyer, as the choice on Settings › Storefront names it. */
export const STORE_EMAIL_LABELS: Record<StorefrontId, string> = {
	shopify: 'Shopify (its shipping confirmation)',
	woocommerce: 'WooCommerce (a customer note; its "Completed order" email for the last shipment)'
};

/**
 * What Settings › Storefront says under the choice. WooCommerce emails the buyer by itself when an
 * order is set `completed` (its "Completed order" email, on in a new store) and no API call may
 * turn that off for one order, so with our email chosen the dealer must turn it off there, or the
 * buyer hears twice about the last shipment.
 */
export function buyerEmailNote(
	storefrontId: StorefrontId,
	notifier: BuyerNotifier
): { text: string; isWarning: boolean } {
	if (storefrontId === 'woocommerce' && notifier === 'smtp')
		return {
			isWarning: true,
			text:
				'WooCommerce sends its own "Completed order" email when the last item ships. Turn it off ' +
				'in WooCommerce › Settings › Emails › Completed order, or choose "WooCommerce" above; ' +
				'otherwise the buyer gets two emails for the last shipment. Dropship Desk adds its ' +
				'tracking notes as private notes, so WooCommerce sends nothing else.'
		};
	return { isWarning: false, text: 'One email per shipment: the other one stays silent.' };
}
