import { DISTRIBUTOR_BASES, type FixedUpstreamId } from '../distributors/hosts.ts';

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
	/** Origins a redirect may lead to (and is then followed); none: redirects are refused. */
	redirectOrigins?: readonly string[];
}

const PU_ROUTES: readonly Route[] = [
	{ prefix: '/v1/parts', methods: ['GET'] },
	{ prefix: '/v2/orders', methods: ['GET', 'POST'] },
	{ prefix: '/orders', methods: ['GET', 'POST'] }
];

/**
 * Tucker's one "trws" endpoint (distributors.md §4.1, from code, no official document). Every call
 * is a GET with query parameters, so nothing else is let through. Its public clients follow
 * redirects (§9): one is followed only when it stays on Tucker's own hosts.
 */
const TUCKER_ROUTES: readonly Route[] = [{ prefix: '/', methods: ['GET'], isExact: true }];
const TUCKER_ORIGINS = [
	new URL(DISTRIBUTOR_BASES.tucker).origin,
	new URL(DISTRIBUTOR_BASES['tucker-test']).origin
];

/** The fixed upstreams; every base comes from the adapters' constants (distributors/hosts.ts). */
export const UPSTREAMS = {
	/** Confirmed by the WPS Data Depot v4 pages (distributors.md §2.1). */
	wps: {
		base: DISTRIBUTOR_BASES.wps,
		routes: [
			{ prefix: '/items', methods: ['GET'] },
			{ prefix: '/inventory', methods: ['GET'] },
			{ prefix: '/warehouses', methods: ['GET'] },
			// DELETE: the adapter removes its cart when a step before submit fails.
			{ prefix: '/carts', methods: ['GET', 'POST', 'DELETE'] },
			{ prefix: '/orders', methods: ['GET', 'POST'] }
		]
	},
	/** Production host seen in four clients (distributors.md §3.1); no official document. */
	pu: { base: DISTRIBUTOR_BASES.pu, routes: PU_ROUTES },
	/** PU's staging host (§3.1), for staging keys. */
	'pu-stage': { base: DISTRIBUTOR_BASES['pu-stage'], routes: PU_ROUTES },
	/**
	 * PU's dealer portal, a separate host, for the price-file feed only (distributors.md §3.5:
	 * `POST /quotes/v2/pricefile`, answered with a ZIP). Single witness; unconfirmed.
	 */
	'pu-dealer': {
		base: DISTRIBUTOR_BASES['pu-dealer'],
		routes: [{ prefix: '/quotes', methods: ['POST'] }],
		isFeed: true
	},
	tucker: {
		base: DISTRIBUTOR_BASES.tucker,
		routes: TUCKER_ROUTES,
		redirectOrigins: TUCKER_ORIGINS
	},
	/** Tucker's test host [CODE S23]. */
	'tucker-test': {
		base: DISTRIBUTOR_BASES['tucker-test'],
		routes: TUCKER_ROUTES,
		redirectOrigins: TUCKER_ORIGINS
	}
} as const satisfies Record<FixedUpstreamId, Upstream>;

/**
 * INVENTED paths (distributors.md §8.4). Automatic's address is not public: it joins the
 * allow-list only from the proxy's own configuration (server-config.ts), never from a request.
 */
export const AUTOMATIC_ROUTES: readonly Route[] = [
	{ prefix: '/order', methods: ['GET', 'POST'] },
	{ prefix: '/orders', methods: ['GET', 'POST'] },
	{ prefix: '/inventory', methods: ['GET'] },
	{ prefix: '/items', methods: ['GET'] }
];

/** The proxy's ids: the fixed ones plus `automatic` (the worker's transport uses the same). */
export type UpstreamId = FixedUpstreamId | 'automatic';
export const UPSTREAM_IDS: readonly UpstreamId[] = [
	...(Object.keys(UPSTREAMS) as FixedUpstreamId[]),
	'automatic'
];

/** The allow-list this proxy serves: the fixed upstreams, and Automatic when configured. */
export function upstreamsFor(automaticBaseUrl?: string): Partial<Record<UpstreamId, Upstream>> {
	return automaticBaseUrl
		? { ...UPSTREAMS, automatic: { base: automaticBaseUrl, routes: AUTOMATIC_ROUTES } }
		: { ...UPSTREAMS };
}

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
