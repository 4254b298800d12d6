import { z } from 'zod';
import { Address } from './address';
import { DistributorId } from './distributor';
import { AppError } from './result';

/**
 * Where the placement of a PO stands. The PO row is written before any network call, so the PO
 * number is the idempotency key: `unknown` means the answer was lost and the distributor must be
 * asked before anything is sent again.
 */
export const PoState = z.enum([
	'draft',
	'queued',
	'submitting',
	'submitted',
	'confirmed',
	'unknown',
	'reconciling',
	'failed',
	'needs_attention',
	'cancelled'
]);
export type PoState = z.infer<typeof PoState>;

/** Where the goods stand, apart from where the placement stands. */
export const ShipState = z.enum([
	'awaiting',
	'backordered',
	'partly_shipped',
	'shipped',
	'cancelled'
]);
export type ShipState = z.infer<typeof ShipState>;

export const PO_STATE_LABELS: Record<PoState, string> = {
	draft: 'Draft',
	queued: 'Queued',
	submitting: 'Submitting',
	submitted: 'Submitted',
	confirmed: 'Confirmed',
	unknown: 'Answer lost — checking',
	reconciling: 'Checking with distributor',
	failed: 'Failed',
	needs_attention: 'Needs attention',
	cancelled: 'Cancelled'
};

export const SHIP_STATE_LABELS: Record<ShipState, string> = {
	awaiting: 'Awaiting tracking',
	backordered: 'Backordered',
	partly_shipped: 'Partly shipped',
	shipped: 'Shipped',
	cancelled: 'Cancelled'
};

export const ShippingMethod = z.enum(['ground', '2day', '1day']);
export type ShippingMethod = z.infer<typeof ShippingMethod>;

export const PoHistoryEntry = z.object({
	at: z.iso.datetime(),
	state: PoState,
	note: z.string().optional()
});

export const CancelRequest = z.object({
	requestedAt: z.iso.datetime(),
	outcome: z.enum(['requested', 'confirmed', 'refused']),
	decidedAt: z.iso.datetime().optional(),
	note: z.string().optional()
});

export const PurchaseOrder = z.object({
	id: z.string().min(1),
	/** Our PO number: dealer prefix + sequence, unique, within the distributor's limit. */
	poNumber: z.string().min(1),
	orderId: z.string().min(1),
	distributorId: DistributorId,
	/** Placed by hand in the distributor's portal and recorded here. */
	isManual: z.boolean(),
	state: PoState,
	shipState: ShipState,
	/** The distributor's own order references (WPS order_number, PU reference_number, …). */
	distributorRefs: z.array(z.string()),
	shipTo: Address,
	shippingMethod: ShippingMethod,
	warehouse: z.string().optional(),
	leadTimeDays: z.number().int().nonnegative(),
	costCents: z.number().int().nonnegative(),
	createdAt: z.iso.datetime(),
	updatedAt: z.iso.datetime(),
	history: z.array(PoHistoryEntry),
	lastError: AppError.optional(),
	cancelRequest: CancelRequest.optional(),
	/**
	 * The store cancelled the order after this PO had gone to the distributor (found by a
	 * re-import or the store sync): the dealer must ask the distributor to cancel it.
	 */
	storeCancellation: z.object({ at: z.iso.datetime(), orderNumber: z.string() }).optional(),
	/** The dashboard to-do the dealer put away; it shows again when the PO needs something else. */
	dismissedTodo: z
		.object({
			kind: z.enum(['late', 'backordered', 'cancelled', 'store_cancelled']),
			at: z.iso.datetime()
		})
		.optional()
});
export type PurchaseOrder = z.infer<typeof PurchaseOrder>;

export const PoLineStatus = z.enum(['pending', 'accepted', 'backordered', 'rejected']);

export const PoLine = z.object({
	id: z.string().min(1),
	poId: z.string().min(1),
	orderItemId: z.string().min(1),
	lineNo: z.number().int().positive(),
	/** The distributor's SKU, without the dealer prefix. */
	sku: z.string().min(1),
	quantity: z.number().int().positive(),
	unitCostCents: z.number().int().nonnegative(),
	status: PoLineStatus,
	message: z.string().optional()
});
export type PoLine = z.infer<typeof PoLine>;

export const Shipment = z.object({
	id: z.string().min(1),
	poId: z.string().min(1),
	carrier: z.string(),
	service: z.string().optional(),
	trackingNumbers: z.array(z.string()),
	shipDate: z.string().optional(),
	warehouse: z.string().optional(),
	lines: z.array(z.object({ sku: z.string(), quantity: z.number().int().nonnegative() })),
	receivedAt: z.iso.datetime()
});
export type Shipment = z.infer<typeof Shipment>;
