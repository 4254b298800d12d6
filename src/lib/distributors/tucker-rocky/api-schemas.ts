import { z } from 'zod';
import { WireId, WireNumber, WireText, wireList, wireListKey } from '../wire';

/**
 * The Tucker "trws" wire format as integrations use it (distributors.md §4.1, §8.3). Every answer
 * is `{ "<TYPE>": { "status": …, … } }`; numbers arrive as strings. Fields marked [invented] were
 * seen by no witness and exist for the simulator. Never used as a domain type.
 */

const Str = WireId;
const Num = WireNumber;

/** The part every answer shares: what the client checks before a call-specific schema. */
export const TrStatus = z.object({
	status: WireText,
	errormsg: WireText
});

export const TrDc = z.object({ dcname: Str, dcinv: Num.nullable().optional() });

/**
 * An INV/PRC item. The witnesses read items by position (`item[0].inventory`, `item[0].price`)
 * [CODE S14]; `itemnum` is seen only in ORD lines, so here it is optional and used when present.
 */
export const TrItem = z.object({
	itemnum: Str.optional(),
	inventory: Num.nullable().optional(),
	dc: wireList(TrDc),
	price: Num.nullable().optional(),
	/** [invented] an unknown item's refusal. */
	errormsg: WireText
});
export type TrItem = z.infer<typeof TrItem>;

/** INV, PRC and INP all answer `item[]` [CODE S13, S14]; one item may come as the object itself. */
export const TrItems = z.object({ status: WireText, item: wireListKey(TrItem) });
export const TrInvBody = z.object({ INV: TrItems });
export const TrPrcBody = z.object({ PRC: TrItems });

export const TrOrderLine = z.object({
	itemnum: Str.optional(),
	errormsg: WireText,
	/** [invented] quantity Tucker put on backorder. */
	qtybo: Num.nullable().optional()
});
export type TrOrderLine = z.infer<typeof TrOrderLine>;

/** Success: `orderoutput` with `ordernum` and `orderline[]` [CODE S14]. */
export const TrOrdSuccessBody = z.object({
	ORD: z.object({
		status: WireText,
		orderoutput: z.object({
			ordernum: Str,
			orderline: wireList(TrOrderLine)
		})
	})
});
export type TrOrdSuccess = z.infer<typeof TrOrdSuccessBody>['ORD']['orderoutput'];

/** Failure: `errormsg` plus `orderinput.orderline[].errormsg` [CODE S15]. */
export const TrOrdFailureBody = z.object({
	ORD: z.object({
		status: WireText,
		errormsg: WireText,
		orderinput: z
			.object({ orderline: wireList(TrOrderLine) })
			.nullable()
			.optional()
	})
});

export const TrTracking = z.object({ carrier: WireText, trackingnum: Str });

export const TrShipmentLine = z.object({
	trackingnumbers: wireList(TrTracking),
	/** [invented] the rest of a shipment line: item, quantity, DC and ship date. */
	itemnum: Str.optional(),
	qty: Num.nullable().optional(),
	dcname: z.string().nullable().optional(),
	shipdate: z.string().nullable().optional()
});
export type TrShipmentLine = z.infer<typeof TrShipmentLine>;

export const TrShipment = z.object({
	ordernum: Str,
	/** [invented] see TUCKER_UNCONFIRMED.orderStatus. */
	orderstatus: z.string().nullable().optional(),
	shipmentline: wireList(TrShipmentLine)
});
export type TrShipment = z.infer<typeof TrShipment>;

/**
 * SHP: `shipment` per ordernum, empty until something ships [CODE S14, §8.3]. The witnesses
 * read `shipment` through `shipmentline[0]`; one shipment may come as the object itself.
 */
export const TrShpBody = z.object({
	SHP: z.object({ status: WireText, shipment: wireList(TrShipment) })
});
