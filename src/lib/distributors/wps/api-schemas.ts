import { z } from 'zod';
import { WireId, WireNumber, WireQty, WireText, wireList, wireListKey } from '../wire';

/**
 * The WPS Data Depot v4 wire format (distributors.md §2). Only what the adapter reads is required;
 * everything else passes through. Never used as a domain type: mapping.ts converts.
 */

/** Prices arrive as strings in several clients ("89.95"), sometimes as numbers. */
const Money = WireNumber;

export const WpsCursor = z.object({
	current: z.string().nullable().optional(),
	prev: z.string().nullable().optional(),
	next: z.string().nullable().optional(),
	count: z.number().int().optional()
});
export type WpsCursor = z.infer<typeof WpsCursor>;

/** Per-warehouse columns [CODE×3]; a column WPS leaves out (or a warehouse it closes) reads as 0. */
export const WpsInventory = z.object({
	id: WireId.optional(),
	item_id: WireId.optional(),
	sku: WireId.optional(),
	ca_warehouse: WireQty,
	ga_warehouse: WireQty,
	id_warehouse: WireQty,
	in_warehouse: WireQty,
	pa_warehouse: WireQty,
	pa2_warehouse: WireQty,
	tx_warehouse: WireQty,
	total: WireQty
});
export type WpsInventory = z.infer<typeof WpsInventory>;

export const WpsItem = z.object({
	id: WireId.optional(),
	sku: WireId,
	name: z.string().nullable().optional(),
	list_price: Money.nullable().optional(),
	standard_dealer_price: Money.nullable().optional(),
	status: z.string().nullable().optional(),
	/** Present with include=inventory; `data` is null when WPS holds no inventory row. */
	inventory: z.object({ data: WpsInventory.nullable().optional() }).nullable().optional()
});
export type WpsItem = z.infer<typeof WpsItem>;

export const WpsItemPage = z.object({
	data: wireListKey(WpsItem),
	meta: z.object({ cursor: WpsCursor.optional() }).nullable().optional()
});

export const WpsCart = z.object({
	data: z.object({
		cart_number: WireId.optional(),
		po_number: WireId.optional(),
		shipment_type: z.string().nullable().optional()
	})
});
export type WpsCart = z.infer<typeof WpsCart>;

/** Cart-item response fields are not documented (§2.3); the adapter reads only these, all optional. */
export const WpsCartItem = z.object({
	data: z
		.object({
			item_sku: WireId.optional(),
			quantity: WireQty,
			backorder_quantity: WireQty
		})
		.nullable()
		.optional()
});

/** An accepted submit must name its order number: without it the order cannot be followed. */
export const WpsSubmittedOrder = z.object({
	data: z.object({ order_number: WireId.refine((v) => v !== '', 'empty order_number') })
});

/**
 * One line of an order_detail as the public Java SDK reads it (`OrderItem`: sku, order_quantity,
 * ship_quantity, backorder_quantity, price) [CODE×2, distributors.md §9].
 */
export const WpsOrderItem = z.object({
	sku: WireId,
	order_quantity: WireQty,
	/** Absent (not 0) means WPS did not say: the shipped line then counts its ordered quantity. */
	ship_quantity: z.union([z.number(), z.string(), z.null()]).optional(),
	backorder_quantity: WireQty,
	price: Money.nullable().optional()
});
export type WpsOrderItem = z.infer<typeof WpsOrderItem>;

/** `OrderDetail` of the SDK: strings for order and invoice numbers, tracking numbers as a list. */
export const WpsOrderDetail = z.object({
	order_number: WireId,
	order_status: WireText,
	invoice_number: WireId.nullable().optional(),
	freight: Money.nullable().optional(),
	misc_charges: Money.nullable().optional(),
	order_total: Money.nullable().optional(),
	warehouse: z.string().nullable().optional(),
	order_date: z.string().nullable().optional(),
	ship_date: z.string().nullable().optional(),
	invoice_date: z.string().nullable().optional(),
	ship_via: z.string().nullable().optional(),
	tracking_numbers: wireList(WireId).transform((l) => l.filter((t) => t !== '')),
	items: wireList(WpsOrderItem)
});
export type WpsOrderDetail = z.infer<typeof WpsOrderDetail>;

const WpsPo = z.object({
	po_number: WireId,
	ship_name: z.string().nullable().optional(),
	order_details: wireList(WpsOrderDetail)
});
export type WpsPo = z.infer<typeof WpsPo>;

/**
 * `GET /orders/{po}`: the PO object [DOC S2]. The Java SDK reads `data` as a list of POs, so a
 * list is read too; either way the answer is the POs it holds (at least one).
 */
export const WpsPurchaseOrder = z.object({
	data: wireListKey(WpsPo).refine((pos) => pos.length > 0, 'no purchase order in data')
});

/** `GET /orders?from_date&to_date` [DOC S2]: every PO of the range, each with its order_details. */
export const WpsPurchaseOrderList = z.object({ data: wireListKey(WpsPo) });

/** The error body is undocumented (§2.3): `{message, errors}` is the simulator's invented shape. */
export const WpsError = z.object({
	message: z.string().optional(),
	errors: z.record(z.string(), z.array(z.string())).optional()
});
export type WpsError = z.infer<typeof WpsError>;
