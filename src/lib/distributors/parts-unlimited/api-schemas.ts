import { z } from 'zod';
import { WireId, WireNumber, WireQty, WireText, wireList, wireListKey } from '../wire';

/**
 * The Parts Unlimited API wire format as integrations use it (distributors.md §3); the order list
 * is invented (§8.2) and mirrors the dealer-portal detail. Never used as a domain type.
 */

const Num = WireNumber;

export const PuAvailability = z.object({
	availability: wireListKey(
		z.object({
			partNumber: WireId,
			warehouses: wireList(
				z.object({ warehouse: WireId, quantity: Num.nullable().optional().default(null) })
			)
		})
	)
});
export type PuAvailability = z.infer<typeof PuAvailability>;

export const PuPricing = z.object({
	pricing: wireListKey(
		z.object({
			partNumber: WireId,
			/** Absent `found` with a price means found; `false` means PU does not know the part. */
			found: z.boolean().optional(),
			basePrice: Num.nullable().optional(),
			dealerPrice: Num.nullable().optional(),
			retailPrice: Num.nullable().optional()
		})
	)
});
export type PuPricing = z.infer<typeof PuPricing>;

/**
 * `status_code` as a number or a string: integrations compare it as `'200'`/`'202'`
 * [CODE S15, distributors.md §9]. Read as a number; an unreadable code is undefined.
 */
const StatusCode = z
	.union([z.number(), z.string(), z.null()])
	.optional()
	.transform((v) => {
		const n = Number(String(v ?? '').trim());
		return v === null || v === undefined || String(v).trim() === '' || !Number.isInteger(n)
			? undefined
			: n;
	});

/** Any answer to the order POST: success and business failure share one loose shape. */
export const PuOrderAnswer = z.object({
	status_code: StatusCode,
	status_message: WireText,
	mainframeErrors: wireList(z.object({ text: WireText }))
});

const Bucket = z.object({ quantity: WireQty }).nullable().optional();

/**
 * An accepted order. Integrations read only `reference_number`, and `part_number` and
 * `ordered.quantity` of `line_items[]` [CODE S15, S18]; `line_number` and the sibling buckets
 * are read when present (invented, §8.2).
 */
export const PuOrderAccepted = z.object({
	status_code: StatusCode,
	reference_number: WireId.refine((v) => v !== '', 'empty reference_number'),
	order_total: Num.nullable().optional(),
	line_items: wireList(
		z.object({
			line_number: WireId.optional(),
			part_number: WireId,
			ordered: Bucket,
			/** Invented sibling buckets of `ordered` [INF §3.3], UNCONFIRMED. */
			backordered: Bucket,
			cancelled: Bucket
		})
	)
});
export type PuOrderAccepted = z.infer<typeof PuOrderAccepted>;

/** The order list's shape is UNCONFIRMED (no public code parses it); it mirrors the portal detail. */
export const PuOrderLine = z.object({
	partNumber: WireId,
	lineStatus: WireText,
	quantity: WireQty,
	quantityShipped: WireQty,
	shipDate: z.string().nullable().optional(),
	shipVia: z.string().nullable().optional(),
	locationCode: z.string().nullable().optional(),
	shippingCartons: wireList(z.object({ trackingNumber: WireId }))
});
export type PuOrderLine = z.infer<typeof PuOrderLine>;

export const PuOrder = z.object({
	mfOrderNumber: WireId,
	poNumber: WireId,
	status: WireText,
	items: wireList(PuOrderLine)
});
export type PuOrder = z.infer<typeof PuOrder>;

export const PuOrderList = z.object({
	orders: wireListKey(PuOrder),
	page_num: WireQty,
	total_pages: WireQty
});

export const PuError = z.object({ message: z.string() });
