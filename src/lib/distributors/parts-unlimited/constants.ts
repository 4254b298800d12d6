import type { OrderStatus } from '../types';

/** Production and staging hosts [CODE×4, CODE×2]; staging keys differ from production keys. */
export const PU_BASE_URL = 'https://api.parts-unlimited.com/api';
export const PU_STAGING_URL = 'https://stage-api.lemansplatform.com/api';
/** UNCONFIRMED (one repository, S10): the dealer portal, for the price-file feed only. */
export const PU_DEALER_URL = 'https://dealer.parts-unlimited.com/api';

/** Warehouse codes of the inventory endpoint [CODE×2 S16, S17]. */
export const PU_WAREHOUSES = ['WI', 'NY', 'TX', 'NV', 'NC'] as const;

/**
 * UNCONFIRMED: no official PU document was found (distributors.md §3, §8.2). Every value here is
 * a single witness or invented; a dealer holding PU's document edits this object, not the code.
 */
export const PU_UNCONFIRMED = {
	/** One client comments a 20-character PO limit [CODE S16]. */
	maxPoLength: 20,
	/** One client batches 25 part numbers per inventory call [CODE S17]; the simulator enforces it. */
	inventoryBatch: 25,
	/** Credential check: pricing of one part, success = key accepted [CODE S16]. */
	canaryPart: '1401-1193',
	/** Only "ground" is witnessed; the other two words are guesses. */
	shippingMethod: { ground: 'ground', '2day': 'second_day', '1day': 'next_day' },
	/** "back_order" is witnessed ×3; the no-backorder word is invented. */
	cancellationPolicy: { backorder: 'back_order', cancel: 'cancel' },
	/** `status_code` values treated as success, compared as numbers ('202' = 202) [CODE S15, S16]. */
	successCodes: [200, 201, 202, 203],
	/** A quantity shown as "+" (feed style) is read as this many, capped. */
	plusQuantity: 10,
	/** The order list is searched by order date: this many days back from today. */
	orderLookbackDays: 120,
	/** Pages of the order list read at most per lookup. */
	maxListPages: 20,
	/**
	 * The one witness of the v2 list call sends `ship_date_start`/`ship_date_end` with the same
	 * window as the order dates, and no `order_type` [CODE S16]. Whether PU filters by them (an
	 * unshipped order would then vanish) is unknown; the simulator ignores them.
	 */
	listSendsShipDates: true,
	/** Order list page size of the simulator (invented). */
	listPageSize: 25,
	/** `lineStatus` words of the order list (shape invented per §8.2, mirroring the portal). */
	lineStatus: {
		OPEN: 'open',
		BACKORDERED: 'backordered',
		SHIPPED: 'shipped',
		INVOICED: 'invoiced',
		CANCELLED: 'cancelled'
	} satisfies Record<string, OrderStatus>,
	simLineStatus: {
		open: 'OPEN',
		backordered: 'BACKORDERED',
		shipped: 'SHIPPED',
		invoiced: 'INVOICED',
		cancelled: 'CANCELLED'
	},
	/** Patterns over `status_message` / `mainframeErrors[].text` (texts invented). */
	errors: {
		notEnabledPattern:
			/not\s+(enabled|set up|allowed)\b.*drop\s*-?\s*ship|drop\s*-?\s*ship.*not\s+(enabled|set up|allowed)/i,
		authPattern: /api[\s-]?key|not authori[sz]ed|dealer number does not match/i,
		unknownPartPattern: /part\s*(number)?.*not\s+found|invalid part/i,
		addressPattern: /address|postal|zip/i,
		duplicatePattern: /duplicate|already (exists|used)/i,
		stockPattern: /insufficient|out of stock|no stock/i,
		pricePattern: /price/i,
		sim: {
			badKey: 'Invalid API key.',
			rateLimited: 'Rate limit exceeded. Try again later.',
			serverError: 'Service Unavailable',
			batchTooLarge: 'A maximum of 25 part numbers may be requested at once.',
			notEnabled: (dealer: string) => `Dealer ${dealer} is not set up for drop ship orders.`,
			invalidAddress: 'Invalid ship to address: postal code does not match city/state.',
			partNotFound: (part: string) => `PART NUMBER ${part} NOT FOUND`,
			duplicate: (po: string) => `Duplicate purchase order number ${po}.`,
			noStock: 'Order not placed: insufficient stock for every line (cancellation policy).',
			accepted: 'Order accepted.'
		}
	},
	/** Seconds the simulator asks a rate-limited client to wait [§8 general rules]. */
	retryAfterSeconds: 5
} as const;
