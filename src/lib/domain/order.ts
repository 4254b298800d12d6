import { z } from 'zod';
import { Address } from './address';
import { StoreLineFulfilment, StoreState } from './store-state';
import { StoreOrderRef } from './storefront';

export const FulfilmentState = z.enum([
	'new',
	'partly_dropshipped',
	'dropshipped',
	'partly_shipped',
	'shipped',
	'done',
	'cancelled'
]);
export type FulfilmentState = z.infer<typeof FulfilmentState>;

export const FULFILMENT_LABELS: Record<FulfilmentState, string> = {
	new: 'New',
	partly_dropshipped: 'Partly drop-shipped',
	dropshipped: 'Drop-shipped',
	partly_shipped: 'Partly shipped',
	shipped: 'Shipped',
	done: 'Done',
	cancelled: 'Cancelled'
};

/** How an order came in: a file, the form, the demo, or a sync with the dealer's web store. */
export const OrderSource = z.enum(['demo', 'csv', 'json', 'form', 'shopify', 'woocommerce']);
export type OrderSource = z.infer<typeof OrderSource>;

export const ORDER_SOURCE_LABELS: Record<OrderSource, string> = {
	demo: 'Demo',
	csv: 'CSV import',
	json: 'JSON import',
	form: 'Typed in',
	shopify: 'Shopify',
	woocommerce: 'WooCommerce'
};

export const Buyer = z.object({
	name: z.string().trim().min(1, 'is required'),
	email: z.email('is not an email address')
});
export type Buyer = z.infer<typeof Buyer>;

/** One line of a storefront order: what the buyer bought, identified as the storefront knows it. */
export const OrderItem = z.object({
	id: z.string().min(1),
	orderId: z.string().min(1),
	lineNo: z.number().int().positive(),
	title: z.string().trim().min(1, 'is required'),
	/**
	 * The storefront's SKU, often a distributor SKU with its prefix (PU2103-0174) or an MPN. Blank
	 * on a store line that is not a part (a gift card, a tip): such a line is never drop-shipped.
	 */
	sku: z.string().trim(),
	brand: z.string().trim().optional(),
	mpn: z.string().trim().optional(),
	upc: z.string().trim().optional(),
	quantity: z.number().int().positive(),
	unitPriceCents: z.number().int().nonnegative(),
	/** The store's "requires shipping": false for gift cards, digital goods, services. Absent = true. */
	requiresShipping: z.boolean().optional(),
	/** Whether the store has already fulfilled this line itself. Absent = open. */
	storeFulfilment: StoreLineFulfilment.optional(),
	/** The store's own line id, for telling the store which lines shipped. */
	storeLineId: z.string().optional()
});
export type OrderItem = z.infer<typeof OrderItem>;

export const Order = z.object({
	id: z.string().min(1),
	/** The storefront's order number; unique, the key that makes re-imports idempotent. */
	number: z.string().trim().min(1, 'is required'),
	createdAt: z.iso.datetime(),
	buyer: Buyer,
	shipTo: Address,
	totalCents: z.number().int().nonnegative(),
	state: FulfilmentState,
	source: OrderSource,
	note: z.string().optional(),
	/** Where the order stands in the web store it came from; absent for orders typed here. */
	storeState: StoreState.optional(),
	/**
	 * Present when the order came in by a sync with the dealer's web store (or met one): the
	 * store's id for it, the link into its admin, and a flag for the dealer. Its state is
	 * `storeState`, the same as an imported order's.
	 */
	store: StoreOrderRef.optional()
});
export type Order = z.infer<typeof Order>;

/** The input of a new order, before ids and state are assigned. */
export const NewOrderInput = z
	.object({
		number: Order.shape.number,
		createdAt: z.iso.datetime().optional(),
		buyer: Buyer,
		shipTo: Address,
		items: z
			.array(OrderItem.omit({ id: true, orderId: true, lineNo: true }))
			.min(1, 'needs at least one item'),
		source: OrderSource.default('form'),
		note: z.string().optional(),
		storeState: StoreState.optional()
	})
	// A line typed here is a part to drop-ship, so it needs its SKU; a store's line may have none.
	.superRefine((order, ctx) => {
		if (order.source !== 'form') return;
		order.items.forEach((item, index) => {
			if (item.sku === '')
				ctx.addIssue({ code: 'custom', path: ['items', index, 'sku'], message: 'is required' });
		});
	});
export type NewOrderInput = z.input<typeof NewOrderInput>;

export function orderTotalCents(
	items: readonly Pick<OrderItem, 'quantity' | 'unitPriceCents'>[]
): number {
	return items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0);
}

/** What the app knows about a line, enough to tell whether it is ours to drop-ship. */
export type LineFacts = Partial<Pick<OrderItem, 'sku' | 'requiresShipping' | 'storeFulfilment'>>;

/**
 * Why a line is not one to drop-ship, or null when it is: it does not ship (gift card, digital
 * goods, a service), it has no SKU to look up, or the store has fulfilled it already. Such a line
 * is shown but never offers Dropship and never keeps its order from being done.
 */
export function lineHold(item: LineFacts): string | null {
	if (item.requiresShipping === false) return 'Does not ship (gift card, digital or service)';
	if (item.sku === '') return 'No SKU in the store, nothing to drop-ship';
	if (item.storeFulfilment === 'fulfilled') return 'Already fulfilled in the store';
	if (item.storeFulfilment === 'partial')
		return 'Partly fulfilled in the store: check there what still ships';
	return null;
}

export const needsDropship = (item: LineFacts): boolean => lineHold(item) === null;
