import { z } from 'zod';

/**
 * SHAPE INVENTED (distributors.md §8.4): no Automatic API document is public. Only the names
 * `header.ponumber`, `header.orderGenerationNumber` ("00", "01" …), `header.invoiceDate` (MM/DD/YY),
 * `trackingNumber`, `proNumber`, `shipToAddress.phone` and `.classification` come from a witness
 * [3P-DOC S27]; where they sit is a guess. Never used as a domain type.
 */

const Str = z.union([z.string(), z.number()]).transform(String);
const Num = z.union([z.number(), z.string()]);

export const AdInventory = z.object({
	items: z.array(
		z.object({
			sku: z.string(),
			found: z.boolean(),
			warehouses: z.array(z.object({ code: z.string(), quantity: z.coerce.number().int() })),
			price: Num.optional()
		})
	)
});
export type AdInventory = z.infer<typeof AdInventory>;

export const AdError = z.object({
	errors: z
		.array(z.object({ code: z.string(), field: z.string().optional(), message: z.string() }))
		.min(1)
});

export const AdCreated = z.object({
	header: z.object({
		ponumber: z.string(),
		orderNumber: Str,
		orderGenerationNumber: z.string()
	}),
	lines: z.array(
		z.object({
			lineNumber: z.coerce.number().int(),
			sku: z.string(),
			quantityOrdered: z.coerce.number().int(),
			quantityBackordered: z.coerce.number().int().default(0),
			status: z.string(),
			message: z.string().optional()
		})
	)
});
export type AdCreated = z.infer<typeof AdCreated>;

export const AdGeneration = z.object({
	header: z.object({
		ponumber: z.string(),
		orderNumber: Str,
		orderGenerationNumber: z.string(),
		status: z.string(),
		invoiceDate: z.string().optional(),
		shipDate: z.string().optional(),
		shipVia: z.string().optional(),
		warehouse: z.string().optional(),
		trackingNumber: z.string().optional(),
		proNumber: z.string().optional()
	}),
	lines: z.array(z.object({ sku: z.string(), quantity: z.coerce.number().int() }))
});
export type AdGeneration = z.infer<typeof AdGeneration>;

/** One entry per order generation of the PO. */
export const AdLookup = z.object({ orders: z.array(AdGeneration) });

export const AdRevoked = z.object({
	header: z.object({ ponumber: z.string() }),
	revoked: z.coerce.number().int()
});
