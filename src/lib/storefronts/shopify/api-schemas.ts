import { z } from 'zod';

/**
 * The Admin GraphQL answers this adapter reads (storefronts.md §1; shapes as shopify.dev shows
 * them, see fixtures/README.md). Wire format only: mapping.ts turns it into our types.
 */
export const ThrottleStatus = z.object({
	maximumAvailable: z.number(),
	currentlyAvailable: z.number(),
	restoreRate: z.number()
});
export type ThrottleStatus = z.infer<typeof ThrottleStatus>;

export const Cost = z.object({
	requestedQueryCost: z.number(),
	actualQueryCost: z.number().nullable().optional(),
	throttleStatus: ThrottleStatus
});

export const GraphqlError = z.object({
	message: z.string(),
	extensions: z.object({ code: z.string().optional() }).loose().optional()
});

/** Every answer: data and/or errors, and the cost extension (HTTP 200 even when throttled). */
export const Envelope = z.object({
	data: z.unknown().optional(),
	errors: z.array(GraphqlError).optional(),
	extensions: z.object({ cost: Cost.optional() }).loose().optional()
});

const Money = z.object({ shopMoney: z.object({ amount: z.string(), currencyCode: z.string() }) });

export const MailingAddress = z.object({
	name: z.string().nullable(),
	company: z.string().nullable().optional(),
	address1: z.string().nullable(),
	address2: z.string().nullable().optional(),
	city: z.string().nullable(),
	provinceCode: z.string().nullable(),
	zip: z.string().nullable(),
	countryCodeV2: z.string().nullable(),
	phone: z.string().nullable().optional()
});

export const LineItem = z.object({
	id: z.string(),
	sku: z.string().nullable(),
	vendor: z.string().nullable(),
	title: z.string(),
	quantity: z.number().int(),
	originalUnitPriceSet: Money
});

export const ShopifyOrder = z.object({
	id: z.string(),
	name: z.string(),
	createdAt: z.string(),
	updatedAt: z.string(),
	email: z.string().nullable(),
	cancelledAt: z.string().nullable(),
	displayFinancialStatus: z.string().nullable(),
	displayFulfillmentStatus: z.string(),
	shippingAddress: MailingAddress.nullable(),
	lineItems: z.object({
		nodes: z.array(LineItem),
		pageInfo: z.object({ hasNextPage: z.boolean() })
	})
});
export type ShopifyOrder = z.infer<typeof ShopifyOrder>;

export const OrdersData = z.object({
	orders: z.object({
		nodes: z.array(ShopifyOrder),
		pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() })
	})
});

export const ShopData = z.object({ shop: z.object({ name: z.string() }) });

export const FulfillmentOrdersData = z.object({
	order: z
		.object({
			id: z.string(),
			fulfillments: z.array(
				z.object({
					id: z.string(),
					trackingInfo: z.array(z.object({ number: z.string().nullable() }))
				})
			),
			fulfillmentOrders: z.object({
				nodes: z.array(
					z.object({
						id: z.string(),
						status: z.string(),
						lineItems: z.object({
							nodes: z.array(
								z.object({
									id: z.string(),
									remainingQuantity: z.number().int(),
									lineItem: z.object({ id: z.string(), sku: z.string().nullable() })
								})
							)
						})
					})
				)
			})
		})
		.nullable()
});
export type FulfillmentOrdersData = z.infer<typeof FulfillmentOrdersData>;

export const FulfillmentCreateData = z.object({
	fulfillmentCreate: z.object({
		fulfillment: z.object({ id: z.string(), status: z.string() }).nullable(),
		userErrors: z.array(z.object({ field: z.array(z.string()).nullable(), message: z.string() }))
	})
});
