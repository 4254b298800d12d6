import { z } from 'zod';
import { Address } from './address';
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
	/** The storefront's SKU, often a distributor SKU with its prefix (PU2103-0174) or an MPN. */
	sku: z.string().trim().min(1, 'is required'),
	brand: z.string().trim().optional(),
	mpn: z.string().trim().optional(),
	upc: z.string().trim().optional(),
	quantity: z.number().int().positive(),
	unitPriceCents: z.number().int().nonnegative(),
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
	/** Present when the order came in by a sync with the dealer's web store. */
	store: StoreOrderRef.optional()
});
export type Order = z.infer<typeof Order>;

/** The input of a new order, before ids and state are assigned. */
export const NewOrderInput = z.object({
	number: Order.shape.number,
	createdAt: z.iso.datetime().optional(),
	buyer: Buyer,
	shipTo: Address,
	items: z
		.array(OrderItem.omit({ id: true, orderId: true, lineNo: true }))
		.min(1, 'needs at least one item'),
	source: OrderSource.default('form'),
	note: z.string().optional()
});
export type NewOrderInput = z.input<typeof NewOrderInput>;

export function orderTotalCents(
	items: readonly Pick<OrderItem, 'quantity' | 'unitPriceCents'>[]
): number {
	return items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0);
}
