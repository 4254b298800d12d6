import { z } from 'zod';

/**
 * The Tucker "trws" wire format as integrations use it (distributors.md §4.1, §8.3). Every answer
 * is `{ "<TYPE>": { "status": …, … } }`; numbers arrive as strings. Fields marked [invented] were
 * seen by no witness and exist for the simulator. Never used as a domain type.
 */

const Str = z.union([z.string(), z.number()]).transform(String);
const Num = z.union([z.number(), z.string()]);

/** The part every answer shares: what the client checks before a call-specific schema. */
export const TrStatus = z.object({
	status: z.string(),
	errormsg: z.string().optional()
});

export const TrDc = z.object({ dcname: z.string(), dcinv: Num });

export const TrItem = z.object({
	/** [invented] key name of the item number (§8.3). */
	itemnum: Str,
	inventory: Num.optional(),
	dc: z.array(TrDc).optional(),
	price: Num.optional(),
	/** [invented] an unknown item's refusal. */
	errormsg: z.string().optional()
});
export type TrItem = z.infer<typeof TrItem>;

/** INV, PRC and INP all answer `item[]` [CODE S13, S14]. */
export const TrItems = z.object({ status: z.string(), item: z.array(TrItem) });
export const TrInvBody = z.object({ INV: TrItems });
export const TrPrcBody = z.object({ PRC: TrItems });

export const TrOrderLine = z.object({
	itemnum: Str.optional(),
	errormsg: z.string().default(''),
	/** [invented] quantity Tucker put on backorder. */
	qtybo: Num.optional()
});
export type TrOrderLine = z.infer<typeof TrOrderLine>;

/** Success: `orderoutput` with `ordernum` and `orderline[]` [CODE S14]. */
export const TrOrdSuccessBody = z.object({
	ORD: z.object({
		status: z.string(),
		orderoutput: z.object({ ordernum: Str, orderline: z.array(TrOrderLine) })
	})
});
export type TrOrdSuccess = z.infer<typeof TrOrdSuccessBody>['ORD']['orderoutput'];

/** Failure: `errormsg` plus `orderinput.orderline[].errormsg` [CODE S15]. */
export const TrOrdFailureBody = z.object({
	ORD: z.object({
		status: z.string(),
		errormsg: z.string().default(''),
		orderinput: z.object({ orderline: z.array(TrOrderLine).default([]) }).optional()
	})
});

export const TrTracking = z.object({ carrier: z.string().default(''), trackingnum: Str });

export const TrShipmentLine = z.object({
	trackingnumbers: z.array(TrTracking),
	/** [invented] the rest of a shipment line: item, quantity, DC and ship date. */
	itemnum: Str.optional(),
	qty: Num.optional(),
	dcname: z.string().optional(),
	shipdate: z.string().optional()
});
export type TrShipmentLine = z.infer<typeof TrShipmentLine>;

export const TrShipment = z.object({
	ordernum: Str,
	/** [invented] see TUCKER_UNCONFIRMED.orderStatus. */
	orderstatus: z.string().optional(),
	shipmentline: z.array(TrShipmentLine)
});
export type TrShipment = z.infer<typeof TrShipment>;

/** SHP: `shipment[]` per ordernum, empty until something ships [CODE S14, §8.3]. */
export const TrShpBody = z.object({
	SHP: z.object({ status: z.string(), shipment: z.array(TrShipment) })
});
