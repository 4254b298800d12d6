import { z } from 'zod';

/**
 * The WPS Data Depot v4 wire format (distributors.md §2). Only what the adapter reads is required;
 * everything else passes through. Never used as a domain type: mapping.ts converts.
 */

/** Prices arrive as strings in several clients ("89.95"), sometimes as numbers. */
const Money = z.union([z.string(), z.number()]);
const Quantity = z.coerce.number().int().nonnegative();

export const WpsCursor = z.object({
	current: z.string().nullable(),
	prev: z.string().nullable(),
	next: z.string().nullable(),
	count: z.number().int()
});
export type WpsCursor = z.infer<typeof WpsCursor>;

export const WpsInventory = z.object({
	id: z.number().int().optional(),
	item_id: z.number().int().optional(),
	sku: z.string().optional(),
	ca_warehouse: Quantity,
	ga_warehouse: Quantity,
	id_warehouse: Quantity,
	in_warehouse: Quantity,
	pa_warehouse: Quantity,
	pa2_warehouse: Quantity,
	tx_warehouse: Quantity,
	total: Quantity
});
export type WpsInventory = z.infer<typeof WpsInventory>;

export const WpsItem = z.object({
	id: z.number().int(),
	sku: z.string(),
	name: z.string().optional(),
	list_price: Money.optional(),
	standard_dealer_price: Money.optional(),
	status: z.string().optional(),
	/** Present with include=inventory; `data` is null when WPS holds no inventory row. */
	inventory: z.object({ data: WpsInventory.nullable() }).optional()
});
export type WpsItem = z.infer<typeof WpsItem>;

export const WpsItemPage = z.object({
	data: z.array(WpsItem),
	meta: z.object({ cursor: WpsCursor }).optional()
});

export const WpsCart = z.object({
	data: z.object({
		cart_number: z.union([z.string(), z.number()]).transform(String),
		po_number: z.string(),
		shipment_type: z.string().optional()
	})
});
export type WpsCart = z.infer<typeof WpsCart>;

/** Cart-item response fields are not documented (§2.3); the adapter reads only these, all optional. */
export const WpsCartItem = z.object({
	data: z.object({
		item_sku: z.string().optional(),
		quantity: z.number().int().optional(),
		backorder_quantity: z.number().int().nonnegative().optional()
	})
});

export const WpsSubmittedOrder = z.object({
	data: z.object({ order_number: z.union([z.string(), z.number()]).transform(String) })
});

export const WpsOrderDetail = z.object({
	order_number: z.union([z.string(), z.number()]).transform(String),
	order_status: z.string(),
	invoice_number: z.number().int().nullable().optional(),
	freight: z.number().nullable().optional(),
	misc_charges: z.number().nullable().optional(),
	order_total: z.number().nullable().optional(),
	warehouse: z.string().nullable().optional(),
	order_date: z.string().nullable().optional(),
	ship_date: z.string().nullable().optional(),
	invoice_date: z.string().nullable().optional(),
	ship_via: z.string().nullable().optional(),
	tracking_numbers: z.array(z.string()).default([]),
	/** Item row fields are not documented; `sku` and `quantity` are our guess (§2.3). */
	items: z.array(z.object({ sku: z.string(), quantity: z.coerce.number().int() })).default([])
});
export type WpsOrderDetail = z.infer<typeof WpsOrderDetail>;

export const WpsPurchaseOrder = z.object({
	data: z.object({
		po_number: z.string(),
		ship_name: z.string().nullable().optional(),
		order_details: z.array(WpsOrderDetail)
	})
});

/** `GET /orders?from_date&to_date` [DOC S2]: every PO of the range, each with its order_details. */
export const WpsPurchaseOrderList = z.object({
	data: z.array(WpsPurchaseOrder.shape.data)
});

/** The error body is undocumented (§2.3): `{message, errors}` is the simulator's invented shape. */
export const WpsError = z.object({
	message: z.string().optional(),
	errors: z.record(z.string(), z.array(z.string())).optional()
});
export type WpsError = z.infer<typeof WpsError>;
