import type { OrderStatus } from '../types';

/** Production host of the "trws" web service [CODE×3 S13–S15]. */
export const TUCKER_URL = 'https://api.tucker.com/bin/trws';
/** UNCONFIRMED (single witness, CODE S23): Tucker's test host. */
export const TUCKER_TEST_URL = 'https://apitest.tucker.com/bin/trws';

/** The one status word every witness agrees on [CODE×2 S14, S15]. */
export const TUCKER_SUCCESS = 'SUCCESSFUL';

/** Distribution centres in the order of the `invlist` feed columns [CODE S19]. */
export const TUCKER_DCS = ['TX', 'PA', 'OR', 'CO', 'FL', 'IL', 'CA'] as const;

/** UNCONFIRMED (one help page, DX1 [3P-DOC S26]): 9 means "9 or more" per DC. */
export const TUCKER_DC_CAP = 9;

/** UNCONFIRMED (one help page, DX1 [3P-DOC S26]): special-instructions note max 55 characters. */
export const TUCKER_NOTE_MAX = 55;

export type TrwsType = 'INV' | 'PRC' | 'INP' | 'ORD' | 'SHP';

/**
 * UNCONFIRMED: no official Tucker document was found (distributors.md §4.3, §8.3). Every value
 * here is invented or a single witness; a dealer holding Tucker's "trws" document edits this
 * object, not the code.
 */
export const TUCKER_UNCONFIRMED = {
	/** Status word of a refusal; only "SUCCESSFUL" is known [§8.3]. */
	errorStatus: 'ERROR',
	/** No PO limit is documented; 20 keeps us inside what most ERPs take. */
	maxPoLength: 20,
	/** Items per INV/PRC call (repeated `item=`); no limit is documented. */
	itemsPerCall: 50,
	/**
	 * Ordernums per SHP call (repeated `ordernum=` [CODE S14]); no limit is documented. 50 keeps
	 * the query string near 1 kB, well inside what any web server takes.
	 */
	ordernumsPerShp: 50,
	/** Item used to test the credentials (the example item number of §4.1). */
	canaryItem: '160942',
	/** Only "UG" is witnessed (likely UPS Ground [INF]); the two others are guesses. */
	carrier: { ground: 'UG', '2day': 'U2', '1day': 'U1' },
	/** `splitlines=YES` lets Tucker fill a line from several DCs [INF from the name]. */
	splitLines: 'YES',
	/** Whether `PRC` `price` is the dealer's cost; one client labels it "retailPrice" [§4.1]. */
	isPriceDealerCost: true,
	/**
	 * SHP carries no documented order status; `shipment[].orderstatus` is invented for the
	 * simulator. Without it, an order with tracking reads as shipped.
	 */
	orderStatus: {
		OPEN: 'open',
		BACKORDER: 'backordered',
		PARTIAL: 'partially_shipped',
		SHIPPED: 'shipped',
		INVOICED: 'invoiced',
		CANCELLED: 'cancelled'
	} satisfies Record<string, OrderStatus>,
	/** Texts over `errormsg` (all invented, matched loosely). */
	errors: {
		authPattern: /api\s*key|customer\s*(number|#)|not authori[sz]ed/i,
		cardPattern: /credit\s*card|card on file|payment/i,
		duplicatePattern: /duplicate|already (been )?used|already exists/i,
		/** Where a duplicate refusal names the existing order: "… (order 7001234)". */
		duplicateOrderNumber: /order\s*(?:#|number|num)?\s*:?\s*(\d{5,})/i,
		addressPattern: /address|zip|postal|state/i,
		unknownItemPattern: /invalid item|item not found|not a valid item|discontinued/i,
		stockPattern: /not available|out of stock|no stock|insufficient/i,
		orderNotFoundPattern: /order.*not found|invalid order/i,
		sim: {
			badKey: 'Invalid API key',
			badCustomer: 'Invalid customer number',
			badType: 'Invalid call type',
			noCard: (cust: string) => `No credit card on file for customer ${cust}`,
			duplicate: (po: string, ordernum?: string) =>
				`Duplicate PO number ${po}${ordernum ? ` (order ${ordernum})` : ''}`,
			invalidAddress: 'Invalid ship-to address: ZIP code does not match state',
			unknownItem: 'Invalid item number',
			notAvailable: 'Item not available',
			noLines: 'No valid lines on order',
			missing: (field: string) => `Missing required field: ${field}`,
			tooLong: (field: string, max: number) => `${field} exceeds ${max} characters`,
			orderNotFound: 'Order number not found',
			serverError: '<html><body><h1>503 Service Unavailable</h1></body></html>'
		}
	},
	/** Carriers the simulator reports in SHP `trackingnumbers[].carrier` ("UPS" per §8.3). */
	simCarrierNames: { UPS: 'UPS', FedEx: 'FEDEX', USPS: 'USPS', OnTrac: 'ONTRAC' },
	/** Seconds the simulator asks a rate-limited client to wait (Tucker's limits are unknown). */
	retryAfterSeconds: 30
} as const;
