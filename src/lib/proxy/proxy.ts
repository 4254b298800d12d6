import {
	REQUEST_HEADERS,
	TUCKER_QUERY_HEADERS,
	upstreamsFor,
	type ProxyMethod
} from './allow-list.ts';
import { isDeclaredTooLarge, readCapped } from './body.ts';
import { forward } from './forward.ts';
import { createOutboundFetch } from './outbound-fetch.ts';
import type { OutboundPolicy } from './outbound.ts';
import { createRateLimiter, type RateLimit } from './rate-limit.ts';
import { checkOrigin, preflight, proxyError, withCors } from './responses.ts';
import { isUpstreamId, resolveTarget } from './target.ts';
import type { ServerConfig } from './server-config.ts';
import { isStoreUpstreamId, resolveStoreTarget } from './store-target.ts';

/**
 * The CORS proxy: `/proxy/<distributor>/<path>?query` is forwarded to that distributor's base
 * URL and nowhere else. It is never an open relay (reliability.md §3): the host comes from the
 * allow-list, the path must sit under a known prefix, only the headers the adapters need pass
 * either way, bodies are capped, redirects are refused, and it never retries.
 */
export interface ProxyOptions {
	/** The app's own origin(s), exact: the only ones CORS answers for; any other Origin is 403. */
	appOrigins: readonly string[];
	/**
	 * The server's outbound policy (server-config.ts): even the allow-list's fixed hosts are
	 * resolved, checked and pinned, so a distributor host that resolves privately is refused.
	 */
	outbound?: OutboundPolicy;
	/** Injected in tests; a fetch through the outbound guard by default. */
	fetch?: typeof fetch;
	/** Shorter than the client's 30 s, so the client learns which side gave up (PROXY-8). */
	timeoutMs?: number;
	maxRequestBytes?: number;
	maxResponseBytes?: number;
	/** For feed downloads (`pu-dealer`), which are ZIP files far above an API answer. */
	maxFeedResponseBytes?: number;
	/** Per client key. */
	rateLimit?: RateLimit;
	/** Over all clients together: a ceiling however many keys a flood spreads over. */
	globalRateLimit?: RateLimit;
	/** Who a request counts against; one key for everyone by default (a single dealer's proxy). */
	clientKey?: (request: Request, info: ProxyRequestInfo) => string;
	/**
	 * PROXY-5's custom header (e.g. `x-dropship-desk: 1`, as /mail requires): a browser page on
	 * another site cannot send it without a preflight, which is refused. Off by default because
	 * the worker's live transport does not send it yet.
	 */
	requiredHeader?: { name: string; value: string };
	/**
	 * The WooCommerce stores this proxy may reach (server-config.ts `woocommerce.stores`); the page
	 * can never add one. None: every `/proxy/woocommerce/…` is refused.
	 */
	wooCommerceStores?: readonly string[];
	/**
	 * Automatic's API address (https), from the server's own configuration (server-config.ts
	 * `automatic.apiUrl`), never from a request. Unset: `/proxy/automatic/…` answers 404.
	 */
	automaticBaseUrl?: string;
	/** Receives only what is safe to keep (PROXY-7). */
	log?: (entry: ProxyLogEntry) => void;
	now?: () => number;
}

/** What the server knows about a request beyond the Request itself. */
export interface ProxyRequestInfo {
	clientAddress?: string;
}

/** Never a URL, a header, a body or a query string: those can hold keys (PROXY-7, ASVS 9.3). */
export interface ProxyLogEntry {
	method: string;
	distributor: string;
	status: number;
	latencyMs: number;
	poNumber?: string;
}

export type ProxyHandler = (request: Request, info?: ProxyRequestInfo) => Promise<Response>;

const KNOWN_METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS']);
const PO_NUMBER = /^[A-Za-z0-9._-]{1,40}$/;
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const MAX_URL_LENGTH = 8 * 1024;

const isProxyMethod = (method: string): method is ProxyMethod =>
	method === 'GET' || method === 'POST' || method === 'DELETE';
/** PUT is for WooCommerce's order status only (store-target.ts allows it nowhere else). */
const isStoreMethod = (method: string) => isProxyMethod(method) || method === 'PUT';

/** What the proxy takes from the server's one configuration: the guard's policy and its hosts. */
export function proxyOptionsFrom(
	config: ServerConfig
): Pick<ProxyOptions, 'outbound' | 'automaticBaseUrl' | 'wooCommerceStores'> {
	return {
		outbound: { allowHosts: config.outbound.allowHosts },
		wooCommerceStores: config.woocommerce.stores,
		...(config.automatic.apiUrl ? { automaticBaseUrl: config.automatic.apiUrl } : {})
	};
}

/** Builds the proxy; the handler answers every request itself and never throws. */
export function createProxyHandler(options: ProxyOptions): ProxyHandler {
	const doFetch = options.fetch ?? createOutboundFetch(options.outbound ?? { allowHosts: [] });
	const now = options.now ?? Date.now;
	const perClient = createRateLimiter(options.rateLimit ?? { limit: 120, windowMs: 60_000 });
	const global = createRateLimiter(options.globalRateLimit ?? { limit: 1_200, windowMs: 60_000 });
	const clientKey = options.clientKey ?? (() => 'local');
	const maxRequest = options.maxRequestBytes ?? 256 * 1024;
	const upstreams = upstreamsFor(options.automaticBaseUrl);

	async function handle(request: Request, info: ProxyRequestInfo): Promise<Response> {
		const reject = (status: number, error: string, message: string, extra = {}) =>
			proxyError(status, error, message, 'rejected', extra);
		const wait = Math.max(perClient.take(clientKey(request, info), now()), global.take('*', now()));
		if (wait > 0)
			return reject(429, 'rate_limited', 'Too many requests.', { 'retry-after': String(wait) });
		if (request.method === 'OPTIONS') return preflight(options.requiredHeader?.name);
		const required = options.requiredHeader;
		if (required && request.headers.get(required.name) !== required.value)
			return reject(403, 'header_missing', 'Not from this app.');
		const url = new URL(request.url);
		const storeId = /^\/proxy\/([^/]+)(\/.*)?$/.exec(url.pathname);
		const isStore = storeId?.[1] !== undefined && isStoreUpstreamId(storeId[1]);
		if (!(isStore ? isStoreMethod(request.method) : isProxyMethod(request.method)))
			return reject(405, 'method_refused', 'That method is not allowed.', {
				allow: 'GET, POST, DELETE, OPTIONS'
			});
		if (request.url.length > MAX_URL_LENGTH)
			return reject(414, 'url_too_long', 'The address is too long.');
		const target =
			isStore && storeId?.[1] && isStoreUpstreamId(storeId[1])
				? resolveStoreTarget(
						storeId[1],
						storeId[2] ?? '',
						url.search,
						request.method,
						options.wooCommerceStores ?? []
					)
				: resolveTarget(url.pathname, url.search, request.method as ProxyMethod, upstreams);
		if (!target.ok)
			return reject(
				target.status,
				target.error,
				target.message,
				target.allow ? { allow: target.allow } : {}
			);

		let body: Uint8Array<ArrayBuffer> | undefined;
		if (request.method !== 'GET') {
			const read = isDeclaredTooLarge(request.headers, maxRequest)
				? 'too_large'
				: await readCapped(request.body, maxRequest).catch(() => null);
			if (read === 'too_large') return reject(413, 'body_too_large', 'The request is too large.');
			if (read === null)
				return reject(400, 'body_unreadable', 'The request body could not be read.');
			body = read.byteLength > 0 ? read : undefined;
		}
		if (body && !JSON_TYPE.test(request.headers.get('content-type') ?? ''))
			return reject(415, 'json_only', 'Only JSON request bodies are forwarded.');

		const headers = new Headers();
		for (const name of REQUEST_HEADERS) {
			const value = request.headers.get(name);
			if (value !== null) headers.set(name, value);
		}
		if (target.id === 'shopify') {
			const token = request.headers.get('x-shopify-access-token');
			if (token !== null) headers.set('x-shopify-access-token', token);
		}
		if (target.id === 'tucker' || target.id === 'tucker-test') {
			// PROXY-6b: the key joins the URL here, at the last moment, and that URL goes nowhere else.
			for (const [header, param] of Object.entries(TUCKER_QUERY_HEADERS)) {
				const value = request.headers.get(header);
				if (value !== null) target.url.searchParams.set(param, value);
			}
		}
		return forward({
			url: target.url,
			method: request.method,
			headers,
			body,
			fetch: doFetch,
			timeoutMs: options.timeoutMs ?? 25_000,
			maxResponseBytes:
				'upstream' in target && target.upstream.isFeed
					? (options.maxFeedResponseBytes ?? 64 * 1024 * 1024)
					: (options.maxResponseBytes ?? 2 * 1024 * 1024),
			signal: request.signal,
			redirectOrigins: 'upstream' in target ? (target.upstream.redirectOrigins ?? []) : []
		});
	}

	return async (request, info = {}) => {
		const started = now();
		const gate = checkOrigin(request, options.appOrigins);
		let response: Response;
		try {
			response = gate.ok
				? await handle(request, info)
				: proxyError(403, 'origin_refused', 'Not from this app.', 'rejected');
		} catch {
			// A bug of ours, before anything was forwarded (forward() never throws). Say nothing about
			// the request: it may hold secrets.
			response = proxyError(500, 'proxy_error', 'The proxy failed.', 'rejected');
		}
		const poNumber = request.headers.get('x-po-number') ?? '';
		const distributor = /^\/proxy\/([a-z-]+)(?:\/|$)/.exec(new URL(request.url).pathname)?.[1];
		options.log?.({
			method: KNOWN_METHODS.has(request.method) ? request.method : 'OTHER',
			distributor:
				distributor !== undefined && (isUpstreamId(distributor) || isStoreUpstreamId(distributor))
					? distributor
					: 'unknown',
			status: response.status,
			latencyMs: now() - started,
			...(PO_NUMBER.test(poNumber) ? { poNumber } : {})
		});
		return withCors(response, gate.ok ? gate.allowOrigin : null);
	};
}
