/**
 * Where the proxy may forward, per distributor id: one base URL and the path prefixes the
 * adapters use. The client names a distributor and a path; the upstream URL is built here, never
 * taken from the request (reliability.md PROXY-1).
 */
export interface Upstream {
	base: string;
	prefixes: readonly string[];
	methods: readonly string[];
	/** Larger answers allowed (feed downloads). */
	maxResponseBytes?: number;
}

export const UPSTREAMS: Readonly<Record<string, Upstream>> = {
	wps: {
		base: 'https://api.wps-inc.com',
		prefixes: ['/items', '/inventory', '/warehouses', '/carts', '/orders'],
		// DELETE: the WPS adapter removes a cart when a step before submit fails.
		methods: ['GET', 'POST', 'DELETE']
	},
	pu: {
		base: 'https://api.parts-unlimited.com/api',
		prefixes: ['/v1/parts', '/v2/orders', '/orders'],
		methods: ['GET', 'POST']
	},
	'pu-dealer': {
		base: 'https://dealer.parts-unlimited.com/api',
		prefixes: ['/quotes'],
		methods: ['POST'],
		maxResponseBytes: 200 * 1024 * 1024
	},
	tucker: {
		base: 'https://api.tucker.com/bin/trws',
		prefixes: ['/'],
		methods: ['GET']
	},
	// Shape invented (distributors.md §8.4): replace with the host in Automatic's own document.
	automatic: {
		base: 'https://api.autodist.example/v2',
		prefixes: ['/order', '/orders', '/inventory', '/items'],
		methods: ['GET', 'POST']
	}
};

/** Request headers an adapter needs; everything else (cookie, host, origin, x-forwarded-*) is dropped. */
export const REQUEST_HEADERS = [
	'content-type',
	'accept',
	'authorization',
	'api-key',
	'idempotency-key',
	'x-po-number'
];
/** Tucker's key and customer number arrive as headers and go upstream in the query (PROXY-6b). */
export const TUCKER_QUERY_HEADERS: Readonly<Record<string, string>> = {
	'x-tucker-apikey': 'apikey',
	'x-tucker-cust': 'cust'
};
export const RESPONSE_HEADERS = ['content-type', 'retry-after', 'content-disposition'];
