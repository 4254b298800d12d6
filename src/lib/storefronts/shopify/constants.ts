/**
 * The Admin GraphQL API version every call names (storefronts.md §1 [S1]). Shopify releases one a
 * quarter and supports each for a year; 2026-10 is the current "latest" on shopify.dev. Moving
 * on is a change to this constant and the fixtures, nothing else.
 */
export const SHOPIFY_API_VERSION = '2026-10';

export const SHOPIFY_NAME = 'Shopify';

/** A shop's own host: `{shop}.myshopify.com` (the proxy allows exactly these for Shopify). */
export const MYSHOPIFY_HOST = /^[a-z0-9][a-z0-9-]{0,61}\.myshopify\.com$/;

/**
 * Orders per page and line items per order. A single query may cost at most 1,000 points [S1];
 * an order node costs 1 + 1 (address) + 2 + 3 per line (item, price set, money), so 50 orders of
 * 5 lines request 952. An order with more lines is listed as a problem, not half imported.
 */
export const ORDERS_PER_PAGE = 50;
export const LINES_PER_ORDER = 5;

/** The requested cost of one orders page, as Shopify counts it (see above). */
export const ORDERS_QUERY_COST = 2 + ORDERS_PER_PAGE * (4 + 3 * LINES_PER_ORDER);

/** How far back each sync looks again: `updated_at` does not move for every change [S7][S8]. */
export const OVERLAP_MS = 10 * 60_000;

/** THROTTLED answers waited out within one call before it gives up as `rate_limited`. */
export const MAX_THROTTLE_WAITS = 3;
