export const WOO_NAME = 'WooCommerce';

/** REST API v3 under the store's own address [S9]. */
export const WOO_API_PATH = '/wp-json/wc/v3';

/** The largest page the API serves [S9]: 250 orders are three pages. */
export const WOO_PER_PAGE = 100;

/**
 * Processing orders are the ones to ship; cancelled ones are asked for too, so a cancellation in
 * the store reaches an order already here. WordPress reads a comma-separated list for an array
 * argument (wp_parse_list).
 */
export const WOO_STATUSES = 'processing,cancelled';

/** How far back each sync looks again (clock skew between the store and us). */
export const OVERLAP_MS = 10 * 60_000;

/** Statuses the store has moved past shipping: never overwritten with `completed` [research]. */
export const FINAL_STATUSES = ['completed', 'cancelled', 'refunded', 'failed', 'trash'];
