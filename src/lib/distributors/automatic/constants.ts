import type { ErrorCode } from '$lib/domain/result';
import type { LineOutcome, OrderStatus } from '../types';

/** UNCONFIRMED (one third-party page, Flxpoint [3P-DOC S27]): PO printable ASCII ≤ 22; lookups ≤ 365 days. */
export const AUTOMATIC_MAX_PO = 22;
export const AUTOMATIC_MAX_LOOKUP_DAYS = 365;

/**
 * UNCONFIRMED — SHAPE INVENTED (distributors.md §5.3, §8.4). Automatic's base URL, auth scheme,
 * paths, payload vocabulary and error format are unknown; everything here (and the field layout
 * in api-schemas.ts) is a placeholder until a dealer brings Automatic's API document.
 */
export const AUTOMATIC_UNCONFIRMED = {
	/**
	 * The simulator's (and demo mode's) address. Automatic's real API address is not public: the
	 * dealer enters the one their rep gave (stored with the account), and the proxy forwards to it
	 * only when its own configuration names it. The `.example` host never resolves.
	 */
	simBaseUrl: 'https://api.autodist.example/v2',
	/** "API Token" is all the dealer tools say [3P-DOC S24]; the bearer header is a guess. */
	auth: { header: 'authorization', scheme: 'Bearer' },
	paths: {
		inventory: '/inventory',
		/** `/order/create` is the one path the public material names [3P-DOC S27]. */
		create: '/order/create',
		lookup: '/order/lookup',
		/**
		 * v2 has "range" endpoints [3P-DOC S27]; this path and its `startDate`/`endDate` query are
		 * invented. A 404 here means the account has none: the adapter then asks PO by PO.
		 */
		range: '/order/range',
		revoke: '/order/revoke'
	},
	/** v2 can "revoke all orders for a PO number" [3P-DOC S27] — unverified, so off by default. */
	canRevoke: false,
	skusPerCall: 50,
	canarySku: 'A0000001',
	maxNoteLength: 60,
	shipVia: { ground: 'GROUND', '2day': 'SECOND_DAY', '1day': 'NEXT_DAY' },
	/** `shipToAddress.classification` is new in v2 [3P-DOC S27]; its values are unknown. */
	classification: 'RESIDENTIAL',
	generationStatus: {
		OPEN: 'open',
		BACKORDER: 'backordered',
		SHIPPED: 'shipped',
		INVOICED: 'invoiced',
		CANCELLED: 'cancelled'
	} satisfies Record<string, OrderStatus>,
	lineStatus: {
		ACCEPTED: 'accepted',
		BACKORDERED: 'backordered',
		REJECTED: 'rejected'
	} satisfies Record<string, LineOutcome>,
	/** `errors[].code` → our error codes. */
	errorCodes: {
		UNAUTHORIZED: 'auth',
		ACCOUNT_HOLD: 'account_prerequisite',
		PO_INVALID: 'validation',
		CARB_RESTRICTED: 'validation',
		RANGE_TOO_LARGE: 'validation',
		DUPLICATE_PO: 'duplicate_po',
		UNKNOWN_SKU: 'unknown_sku',
		OUT_OF_STOCK: 'out_of_stock',
		INVALID_ADDRESS: 'invalid_address'
	} satisfies Record<string, ErrorCode>,
	/** `errors[].field` prefixes → the field the dealer fixes. */
	fields: {
		'header.ponumber': 'poNumber',
		'header.notes': 'note',
		shipToAddress: 'shipTo',
		lines: 'lines'
	},
	/** Dates in lookup queries. */
	queryDate: 'YYYY-MM-DD',
	/** A generation shipped by freight has a PRO number instead of a tracking number. */
	freightShipVia: 'LTL',
	sim: {
		badToken: 'Invalid or expired API token.',
		rateLimited: 'Too many requests.',
		serverError: 'Internal server error.',
		accountHold: 'Account is on credit hold. Contact customer service.',
		poInvalid: `PO number must be 1 to ${AUTOMATIC_MAX_PO} printable ASCII characters.`,
		carb: (sku: string) => `Item ${sku} is not CARB compliant and cannot ship to California.`,
		duplicate: (po: string) => `An order already exists for PO number ${po}.`,
		unknownSku: (sku: string) => `Item ${sku} not found.`,
		outOfStock: 'No stock for any line and backorders are not allowed.',
		invalidAddress: 'Ship-to address could not be validated.',
		rangeTooLarge: `Lookup window may not exceed ${AUTOMATIC_MAX_LOOKUP_DAYS} days.`,
		badRequest: (what: string) => `Invalid request: ${what}`,
		/** Offers with this status, or SKUs starting "CARB", may not ship to these states. */
		carbStatus: 'CARB',
		carbStates: ['CA']
	},
	retryAfterSeconds: 10
} as const;
