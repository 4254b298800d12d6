import { z } from 'zod';

/**
 * The Parts Unlimited API wire format as integrations use it (distributors.md §3); the order list
 * is invented (§8.2) and mirrors the dealer-portal detail. Never used as a domain type.
 */

const Num = z.union([z.number(), z.string()]);

export const PuAvailability = z.object({
	availability: z.array(
		z.object({
			partNumber: z.string(),
			warehouses: z.array(z.object({ warehouse: z.string(), quantity: Num.nullable() }))
		})
	)
});
export type PuAvailability = z.infer<typeof PuAvailability>;

export const PuPricing = z.object({
	pricing: z.array(
		z.object({
			partNumber: z.string(),
			found: z.boolean(),
			basePrice: Num.nullable().optional(),
			dealerPrice: Num.nullable().optional(),
			retailPrice: Num.nullable().optional()
		})
	)
});
export type PuPricing = z.infer<typeof PuPricing>;

/** Any answer to the order POST: success and business failure share one loose shape. */
export const PuOrderAnswer = z.object({
	status_code: z.coerce.number().int().optional(),
	status_message: z.string().optional(),
	mainframeErrors: z.array(z.object({ text: z.string() })).optional()
});

const Bucket = z.object({ quantity: z.coerce.number().int() }).optional();

export const PuOrderAccepted = z.object({
	status_code: z.coerce.number().int(),
	reference_number: z.union([z.string(), z.number()]).transform(String),
	order_total: Num.optional(),
	line_items: z
		.array(
			z.object({
				line_number: z.coerce.number().int(),
				part_number: z.string(),
				ordered: Bucket,
				/** Invented sibling buckets of `ordered` [INF §3.3]. */
				backordered: Bucket,
				cancelled: Bucket
			})
		)
		.default([])
});
export type PuOrderAccepted = z.infer<typeof PuOrderAccepted>;

export const PuOrderLine = z.object({
	partNumber: z.string(),
	lineStatus: z.string(),
	quantity: z.coerce.number().int(),
	quantityShipped: z.coerce.number().int().default(0),
	shipDate: z.string().nullable().optional(),
	shipVia: z.string().nullable().optional(),
	locationCode: z.string().nullable().optional(),
	shippingCartons: z.array(z.object({ trackingNumber: z.string() })).default([])
});
export type PuOrderLine = z.infer<typeof PuOrderLine>;

export const PuOrder = z.object({
	mfOrderNumber: z.union([z.string(), z.number()]).transform(String),
	poNumber: z.string(),
	status: z.string().optional(),
	items: z.array(PuOrderLine)
});
export type PuOrder = z.infer<typeof PuOrder>;

export const PuOrderList = z.object({
	orders: z.array(PuOrder),
	page_num: z.coerce.number().int(),
	total_pages: z.coerce.number().int()
});

export const PuError = z.object({ message: z.string() });
