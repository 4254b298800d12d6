/**
 * The web stores behind the proxy (storefronts.md §1–2). Unlike a distributor, a store's host is
 * the dealer's own, so the proxy route names it: `/proxy/shopify/<shop>.myshopify.com/…` and
 * `/proxy/woocommerce/<host>[/<base>]/wp-json/wc/v3/…`. What may be reached is still decided here
 * and never by the request: Shopify only on `*.myshopify.com` and only its Admin GraphQL
 * endpoint; WooCommerce only on a store the server's own configuration names (server-config.ts:
 * `woocommerce.stores`, `DD_WOOCOMMERCE_STORES`), only its REST v3 paths, HTTPS only. The page
 * can never add a host; the forward then goes through the outbound guard like any other.
 */
export type StoreUpstreamId = 'shopify' | 'woocommerce';

export const isStoreUpstreamId = (id: string): id is StoreUpstreamId =>
	id === 'shopify' || id === 'woocommerce';

export type StoreTarget =
	| { ok: true; id: StoreUpstreamId; url: URL }
	| { ok: false; status: 403 | 405; error: string; message: string; allow?: string };

const MYSHOPIFY = /^[a-z0-9][a-z0-9-]{0,61}\.myshopify\.com$/;
const SHOPIFY_PATH = /^\/admin\/api\/\d{4}-\d{2}\/graphql\.json$/;
const WOO_REST = '/wp-json/wc/v3/';
/** Letters, digits and the few marks a REST path of WooCommerce uses; no escapes, no dots-only. */
const SAFE_SEGMENT = /^[A-Za-z0-9_-]+$/;

const refuse = (): StoreTarget => ({
	ok: false,
	status: 403,
	error: 'target_refused',
	message: 'That address is not allowed.'
});
const wrongMethod = (allow: string): StoreTarget => ({
	ok: false,
	status: 405,
	error: 'method_refused',
	message: 'That method is not allowed here.',
	allow
});

/** A configured store base as the proxy compares it, or null when it is not an https base. */
export function normaliseWooBase(base: string): string | null {
	if (!URL.canParse(base)) return null;
	const url = new URL(base);
	if (url.protocol !== 'https:' || url.username || url.password || url.search || url.hash)
		return null;
	if (url.port !== '') return null;
	return `https://${url.hostname.toLowerCase()}${url.pathname.replace(/\/+$/, '')}`;
}

/** `rest` is everything after `/proxy/<id>`: `/<host>/<path…>`. */
export function resolveStoreTarget(
	id: StoreUpstreamId,
	rest: string,
	search: string,
	method: string,
	/** WooCommerce stores this proxy may reach: `https://host` or `https://host/base`, exact. */
	wooCommerceStores: readonly string[]
): StoreTarget {
	const [, host = '', ...segments] = rest.split('/');
	if (!segments.every((s) => SAFE_SEGMENT.test(s) || /^graphql\.json$/.test(s))) return refuse();
	const path = `/${segments.join('/')}`;
	if (id === 'shopify') {
		if (!MYSHOPIFY.test(host) || !SHOPIFY_PATH.test(path)) return refuse();
		if (method !== 'POST') return wrongMethod('POST');
		return { ok: true, id, url: new URL(`https://${host}${path}`) };
	}
	const candidate = `https://${host.toLowerCase()}${path}`;
	const base = wooCommerceStores
		.map(normaliseWooBase)
		.find((b) => b !== null && candidate.startsWith(`${b}${WOO_REST}`));
	if (!base) return refuse();
	if (!['GET', 'POST', 'PUT'].includes(method)) return wrongMethod('GET, POST, PUT');
	const url = new URL(candidate);
	// Belt and braces: whatever the checks above missed, the origin is the configured one.
	if (url.origin !== new URL(base).origin || url.username || url.password) return refuse();
	url.search = search;
	return { ok: true, id, url };
}
