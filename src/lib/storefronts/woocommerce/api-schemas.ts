import { z } from 'zod';

/** The WooCommerce REST v3 answers this adapter reads (storefronts.md §2 [S9]); wire format only. */
const Party = z.object({
	first_name: z.string(),
	last_name: z.string(),
	company: z.string().optional(),
	address_1: z.string(),
	address_2: z.string().optional(),
	city: z.string(),
	state: z.string(),
	postcode: z.string(),
	country: z.string(),
	phone: z.string().optional()
});

export const WooOrder = z.object({
	id: z.number().int(),
	number: z.string(),
	status: z.string(),
	date_created_gmt: z.string(),
	date_modified_gmt: z.string(),
	billing: Party.extend({ email: z.string() }),
	shipping: Party,
	line_items: z.array(
		z.object({
			id: z.number().int(),
			name: z.string(),
			sku: z.string().nullable(),
			quantity: z.number().int(),
			price: z.union([z.number(), z.string()])
		})
	)
});
export type WooOrder = z.infer<typeof WooOrder>;

export const WooOrders = z.array(WooOrder);

export const WooNote = z.object({
	id: z.number().int(),
	note: z.string(),
	customer_note: z.boolean()
});
export const WooNotes = z.array(WooNote);

export const WooError = z.object({ code: z.string(), message: z.string() });

export const WooSystemStatus = z.object({
	environment: z.object({ site_url: z.string() }).loose(),
	settings: z.object({ currency: z.string() }).loose().optional()
});
