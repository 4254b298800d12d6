import { DISTRIBUTOR_BASES } from '$lib/distributors/hosts';

/**
 * Live mode: the adapters call the distributors' real URLs; the browser cannot (CORS), so this
 * rewrites each one onto our proxy route `/proxy/<id>/<path>`. The proxy rebuilds the upstream URL
 * from its own allow-list; nothing here decides where a request may go. The fixed addresses are
 * the adapters' own constants (distributors/hosts.ts), the same ones the proxy is built from.
 */
const BASES: readonly { base: string; id: string }[] = Object.entries(DISTRIBUTOR_BASES).map(
	([id, base]) => ({ base, id })
);

/**
 * Automatic's address is the dealer's (not public), so it cannot be a constant here: requests to
 * it carry it in this header, set by `withAutomaticBase`, and go to `/proxy/automatic`. The header
 * never leaves the worker; the proxy forwards only to the address of its own configuration.
 */
const AUTOMATIC_BASE_HEADER = 'x-dropship-automatic-base';

/** A fetch whose requests to `base` are routed as Automatic's by the live transport. */
export function withAutomaticBase(fetchFn: typeof fetch, base: string | undefined): typeof fetch {
	const trimmed = base?.trim().replace(/\/+$/, '');
	if (!trimmed) return fetchFn;
	return (input, init) => {
		const request = new Request(input, init);
		request.headers.set(AUTOMATIC_BASE_HEADER, trimmed);
		return fetchFn(request);
	};
}

/** Tucker takes its key in the query string; it crosses to the proxy in headers instead (PROXY-6b). */
const TUCKER_SECRET_PARAMS: Record<string, string> = {
	apikey: 'x-tucker-apikey',
	cust: 'x-tucker-cust'
};

/**
 * A web store's URL onto its proxy route, which names the store's host (the proxy decides whether
 * it may be reached): `https://x.myshopify.com/…` → `/proxy/shopify/x.myshopify.com/…`, a
 * WooCommerce REST URL → `/proxy/woocommerce/<host>/…`. Null for any other URL.
 */
function storeProxyTarget(url: string, origin: string): string | null {
	const parsed = new URL(url);
	if (parsed.protocol !== 'https:') return null;
	const rest = `${parsed.host}${parsed.pathname}${parsed.search}`;
	if (parsed.hostname.endsWith('.myshopify.com')) return `${origin}/proxy/shopify/${rest}`;
	if (parsed.pathname.includes('/wp-json/wc/v3/')) return `${origin}/proxy/woocommerce/${rest}`;
	return null;
}

/** Maps a distributor URL onto the proxy route; Tucker's key moves from the query to headers. */
export function toProxyTarget(url: string, headers: Headers, origin: string): string {
	const store = storeProxyTarget(url, origin);
	if (store) return store;
	const automatic = headers.get(AUTOMATIC_BASE_HEADER);
	headers.delete(AUTOMATIC_BASE_HEADER);
	const bases = automatic ? [...BASES, { base: automatic, id: 'automatic' }] : BASES;
	const target = bases.find(
		(b) => url === b.base || url.startsWith(`${b.base}/`) || url.startsWith(`${b.base}?`)
	);
	if (!target) throw new TypeError(`Not a distributor address: ${new URL(url).host}`);
	const rest = new URL(url.slice(target.base.length) || '/', 'http://x');
	if (target.id === 'tucker' || target.id === 'tucker-test') {
		for (const [param, header] of Object.entries(TUCKER_SECRET_PARAMS)) {
			const value = rest.searchParams.get(param);
			if (value !== null) {
				headers.set(header, value);
				rest.searchParams.delete(param);
			}
		}
	}
	return `${origin}/proxy/${target.id}${rest.pathname}${rest.search}`;
}

export function createLiveFetch(origin: string, base: typeof fetch = fetch): typeof fetch {
	return async (input, init) => {
		const request = new Request(input, init);
		const headers = new Headers(request.headers);
		// The proxy's browser gate (PROXY-5): only the app sends this header.
		headers.set('x-dropship-desk', '1');
		const url = toProxyTarget(request.url, headers, origin);
		const body = request.body ? await request.arrayBuffer() : undefined;
		return base(url, {
			method: request.method,
			headers,
			body,
			signal: request.signal,
			redirect: 'manual'
		});
	};
}
