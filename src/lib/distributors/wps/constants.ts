import type { OrderStatus } from '../types';

/** Confirmed by the WPS Data Depot v4 pages (distributors.md §2.1). */
export const WPS_BASE_URL = 'https://api.wps-inc.com';

/** The documented field limits of POST /carts [DOC S1]. */
export const WPS_LIMITS = {
	shipName: 30,
	shipAddress: 30,
	shipCity: 17,
	shipState: 2,
	shipZip: 15,
	shipPhone: 15,
	email: 50,
	comment: 50
} as const;

/** The warehouse columns of an inventory row and the codes WPS uses for them [CODE×3]. */
export const WPS_WAREHOUSES = [
	{ code: 'CA', field: 'ca_warehouse' },
	{ code: 'GA', field: 'ga_warehouse' },
	{ code: 'ID', field: 'id_warehouse' },
	{ code: 'IN', field: 'in_warehouse' },
	{ code: 'PA', field: 'pa_warehouse' },
	{ code: 'PA2', field: 'pa2_warehouse' },
	{ code: 'TX', field: 'tx_warehouse' }
] as const;

/**
 * UNCONFIRMED: every value here is invented or single-witness (distributors.md §2.2, §2.3, §8.1).
 * A dealer holding WPS's own document edits this object, not the adapter or the simulator.
 */
export const WPS_UNCONFIRMED = {
	/**
	 * Per-warehouse cap on shown quantities: the docs page says 9, a recent client says 25. The
	 * adapter marks a figure at or above the cap as `capped`.
	 */
	stockCap: 25,
	/** No PO length is documented; 30 matches the other header fields. */
	maxPoLength: 30,
	/**
	 * `order_status` words of an order_detail, upper-cased. The real vocabulary is not published:
	 * Invoiced, Shipped, B/O, Processing, Pending and Cancelled come from one public UI filter
	 * [single witness, distributors.md §9]; OPEN, BACKORDER and CANCELED are our guesses. A word
	 * not listed reads as open and is recorded on the PO.
	 */
	orderStatus: {
		OPEN: 'open',
		PROCESSING: 'open',
		PENDING: 'open',
		'B/O': 'backordered',
		BACKORDER: 'backordered',
		SHIPPED: 'shipped',
		INVOICED: 'invoiced',
		CANCELLED: 'cancelled',
		CANCELED: 'cancelled'
	} satisfies Record<string, OrderStatus>,
	/** What the simulator writes for each state: the witnessed spellings. */
	simStatusWord: {
		open: 'Processing',
		backordered: 'B/O',
		shipped: 'Shipped',
		invoiced: 'Invoiced',
		cancelled: 'Cancelled'
	},
	/** Our shipping method → a documented `ship_via` request code [DOC S1]; the choice is ours. */
	shipVia: { ground: 'BEST', '2day': 'UP2D', '1day': 'UP1D' },
	/** Error bodies are `{message, errors: {field: [text]}}` (shape invented, §8.1). */
	errors: {
		/** A submit refusal whose text matches this is the Tax ID prerequisite [INF S24]. */
		taxIdPattern: /tax\s*(id|exempt)/i,
		addressPattern: /address|zip|postal/i,
		notFoundPattern: /not\s*found|invalid item|unknown item/i,
		stockPattern: /insufficient|out of stock|not available/i,
		duplicatePattern: /already exists|duplicate/i,
		/** Texts the simulator sends. */
		sim: {
			unauthenticated: 'Unauthenticated.',
			noOrderScope: 'This token does not have the order-processing scope.',
			taxId:
				'Order cannot be processed: the account has no Tax ID / tax exemption on file. Contact WPS.',
			invalidAddress: 'The ship-to address could not be validated (ZIP does not match city/state).',
			itemNotFound: 'Item not found.',
			noLongerAvailable: 'Item is no longer available.',
			insufficient: 'Insufficient quantity available and backorders are not allowed.',
			duplicateCart: 'A cart with this PO number already exists.',
			cartNotFound: 'Cart not found.',
			orderNotFound: 'Order not found.',
			serverError: 'Server Error',
			rateLimited: 'Too Many Attempts.'
		}
	},
	/** Seconds the simulator asks a rate-limited client to wait (the Java SDK sleeps 60 s). */
	retryAfterSeconds: 60,
	/** Item statuses that cannot be ordered [CODE×2 S31]. */
	unorderableStatuses: ['NLA', 'DSC', 'NA']
} as const;
