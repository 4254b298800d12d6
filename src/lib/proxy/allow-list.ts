/**
 * Where the proxy may forward (reliability.md PROXY-1): per distributor id, one `https` base URL
 * and the path prefixes and methods the adapters use. The client names a distributor and a path;
 * the upstream URL is built from these constants, never taken from the request.
 */
export type ProxyMethod = 'GET' | 'POST' | 'DELETE';

export interface Route {
	/** A path under the base, matched segment by segment (`/orders` never matches `/ordersX`). */
	prefix: string;
	methods: readonly ProxyMethod[];
	/** Only the prefix itself, no sub-path (Tucker's single endpoint). */
	isExact?: boolean;
}

export interface Upstream {
	base: string;
	routes: readonly Route[];
	/** Feed downloads: answers may be larger than an API answer (see ProxyOptions). */
	isFeed?: boolean;
}

/** Confirmed by the WPS Data Depot v4 pages (distributors.md §2.1). */
export const WPS_UPSTREAM: Upstream = {
	base: 'https://api.wps-inc.com',
	routes: [
		{ prefix: '/items', methods: ['GET'] },
		{ prefix: '/inventory', methods: ['GET'] },
		{ prefix: '/warehouses', methods: ['GET'] },
		// DELETE: the adapter removes its cart when a step before submit fails.
		{ prefix: '/carts', methods: ['GET', 'POST', 'DELETE'] },
		{ prefix: '/orders', methods: ['GET', 'POST'] }
	]
};

/** Production host seen in four clients (distributors.md §3.1); no official document. */
export const PU_UPSTREAM: Upstream = {
	base: 'https://api.parts-unlimited.com/api',
	routes: [
		{ prefix: '/v1/parts', methods: ['GET'] },
		{ prefix: '/v2/orders', methods: ['GET', 'POST'] },
		{ prefix: '/orders', methods: ['GET', 'POST'] }
	]
};

/**
 * PU's dealer portal, a separate host, for the price-file feed only (distributors.md §3.5:
 * `POST /quotes/v2/pricefile`, answered with a ZIP). Single witness; unconfirmed.
 */
export const PU_DEALER_UPSTREAM: Upstream = {
	base: 'https://dealer.parts-unlimited.com/api',
	routes: [{ prefix: '/quotes', methods: ['POST'] }],
	isFeed: true
};

/**
 * Tucker's one "trws" endpoint (distributors.md §4.1, from code, no official document). Every call
 * is a GET with query parameters, so nothing else is let through.
 */
export const TUCKER_UPSTREAM: Upstream = {
	base: 'https://api.tucker.com/bin/trws',
	routes: [{ prefix: '/', methods: ['GET'], isExact: true }]
};

/**
 * INVENTED (distributors.md §8.4): Automatic's host and paths are placeholders until its own
 * document arrives; the `.example` host cannot resolve, so nothing real is reached meanwhile.
 */
export const AUTOMATIC_UPSTREAM: Upstream = {
	base: 'https://api.autodist.example/v2',
	routes: [
		{ prefix: '/order', methods: ['GET', 'POST'] },
		{ prefix: '/orders', methods: ['GET', 'POST'] },
		{ prefix: '/inventory', methods: ['GET'] },
		{ prefix: '/items', methods: ['GET'] }
	]
};

/** The proxy's ids: the four DistributorIds plus `pu-dealer` (the worker's transport uses the same). */
export const UPSTREAMS = {
	wps: WPS_UPSTREAM,
	pu: PU_UPSTREAM,
	'pu-dealer': PU_DEALER_UPSTREAM,
	tucker: TUCKER_UPSTREAM,
	automatic: AUTOMATIC_UPSTREAM
} as const satisfies Record<string, Upstream>;

export type UpstreamId = keyof typeof UPSTREAMS;

/** Request headers an adapter needs (PROXY-3); cookie, host, origin, x-forwarded-* and the rest are dropped. */
export const REQUEST_HEADERS = [
	'content-type',
	'accept',
	'authorization',
	'api-key',
	'idempotency-key',
	'x-po-number'
] as const;

/** Tucker's key and customer number arrive as headers and go upstream in the query (PROXY-6b). */
export const TUCKER_QUERY_HEADERS = {
	'x-tucker-apikey': 'apikey',
	'x-tucker-cust': 'cust'
} as const;

/** Response headers the adapters read; set-cookie and everything else stays behind. */
export const RESPONSE_HEADERS = [
	'content-type',
	'retry-after',
	'content-disposition',
	// WooCommerce's paging (storefronts.md §2).
	'x-wp-total',
	'x-wp-totalpages'
] as const;
