import {
	REQUEST_HEADERS,
	RESPONSE_HEADERS,
	TUCKER_QUERY_HEADERS,
	UPSTREAMS,
	type Upstream
} from './allow-list';
import { createRateLimiter } from './rate-limit';

/**
 * The CORS proxy: `/proxy/<distributor>/<path>` is forwarded to that distributor's base URL
 * only. It is never an open relay: the upstream host comes from the allow-list, the path must sit
 * under a known prefix, only the headers the adapters need pass, bodies are capped, redirects are
 * refused, and it never retries (reliability.md §3).
 */
export interface ProxyOptions {
	/** The app's own origin: the only one CORS answers for. */
	appOrigins: readonly string[];
	fetch?: typeof fetch;
	timeoutMs?: number;
	maxRequestBytes?: number;
	maxResponseBytes?: number;
	/** Requests per client per minute. */
	rateLimit?: number;
	clientKey?: (request: Request) => string;
	/** Only what is safe to log: never URLs, headers, bodies or query strings (PROXY-7). */
	log?: (entry: {
		method: string;
		distributor: string;
		status: number;
		ms: number;
		poNumber?: string;
	}) => void;
	now?: () => number;
}

type Stage = 'rejected' | 'upstream' | 'upstream_timeout';

function fail(
	status: number,
	error: string,
	message: string,
	stage: Stage,
	extra: HeadersInit = {}
): Response {
	const headers = new Headers(extra);
	headers.set('content-type', 'application/json');
	headers.set('x-proxy-stage', stage);
	return new Response(JSON.stringify({ error, message }), { status, headers });
}

/** Rejects anything that could change the host or climb out of the prefix. */
function safePath(raw: string, upstream: Upstream): string | null {
	let decoded: string;
	try {
		decoded = decodeURIComponent(raw);
	} catch {
		return null;
	}
	const hasControl = [...decoded].some((c) => c.charCodeAt(0) < 0x20);
	if (hasControl || /[\\@]|\.\.|\/\//.test(decoded) || /^[a-z]+:/i.test(decoded)) return null;
	const path = decoded === '' ? '/' : decoded;
	return upstream.prefixes.some(
		(p) =>
			path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`) || path === p.replace(/\/$/, '')
	)
		? path
		: null;
}

export function createProxyHandler(options: ProxyOptions): (request: Request) => Promise<Response> {
	const doFetch = options.fetch ?? fetch;
	const timeoutMs = options.timeoutMs ?? 25_000;
	const maxRequest = options.maxRequestBytes ?? 256 * 1024;
	const limiter = createRateLimiter(options.rateLimit ?? 120, 60_000);
	const now = options.now ?? Date.now;
	const clientKey = options.clientKey ?? (() => 'local');

	return async (request) => {
		const started = now();
		const url = new URL(request.url);
		const origin = request.headers.get('origin');
		const cors: Record<string, string> =
			origin && options.appOrigins.includes(origin)
				? { 'access-control-allow-origin': origin, vary: 'Origin' }
				: {};
		const match = /^\/proxy\/([^/?#]+)(\/.*)?$/.exec(url.pathname);
		const distributor = match?.[1] ?? '';
		const upstream = Object.hasOwn(UPSTREAMS, distributor) ? UPSTREAMS[distributor] : undefined;
		const finish = (response: Response) => {
			options.log?.({
				method: request.method,
				distributor,
				status: response.status,
				ms: now() - started,
				...(request.headers.get('x-po-number')
					? { poNumber: request.headers.get('x-po-number') ?? '' }
					: {})
			});
			for (const [k, v] of Object.entries(cors)) response.headers.set(k, v);
			return response;
		};

		if (origin && !options.appOrigins.includes(origin))
			return finish(fail(403, 'origin_refused', 'Not from this app.', 'rejected'));
		if (request.method === 'OPTIONS') {
			return finish(
				new Response(null, {
					status: 204,
					headers: {
						'access-control-allow-methods': 'GET, POST, DELETE',
						'access-control-allow-headers': [
							...REQUEST_HEADERS,
							...Object.keys(TUCKER_QUERY_HEADERS)
						].join(', '),
						'access-control-max-age': '600'
					}
				})
			);
		}
		if (!upstream)
			return finish(fail(404, 'unknown_distributor', 'No such distributor.', 'rejected'));
		if (!upstream.methods.includes(request.method))
			return finish(
				fail(405, 'method_refused', 'Method not allowed.', 'rejected', {
					allow: upstream.methods.join(', ')
				})
			);
		const path = safePath(match?.[2] ?? '/', upstream);
		if (path === null)
			return finish(fail(403, 'target_refused', 'That address is not allowed.', 'rejected'));
		const wait = limiter.check(clientKey(request), now());
		if (wait > 0)
			return finish(
				fail(429, 'rate_limited', 'Too many requests.', 'rejected', { 'retry-after': String(wait) })
			);

		const body = request.method === 'GET' ? undefined : await request.arrayBuffer();
		if (body && body.byteLength > maxRequest)
			return finish(fail(413, 'body_too_large', 'The request is too large.', 'rejected'));

		const headers = new Headers();
		for (const name of REQUEST_HEADERS) {
			const value = request.headers.get(name);
			if (value !== null) headers.set(name, value);
		}
		const target = new URL(
			upstream.base + (path === '/' && upstream.prefixes.includes('/') ? '' : path)
		);
		target.search = url.search;
		for (const [header, param] of Object.entries(TUCKER_QUERY_HEADERS)) {
			const value = request.headers.get(header);
			if (distributor === 'tucker' && value !== null) target.searchParams.set(param, value);
		}

		const controller = new AbortController();
		const timer = setTimeout(() => controller.abort(), timeoutMs);
		try {
			const answer = await doFetch(target, {
				method: request.method,
				headers,
				body,
				redirect: 'manual',
				signal: controller.signal
			});
			if (answer.status >= 300 && answer.status < 400) {
				return finish(
					fail(
						502,
						'redirect_refused',
						'The distributor answered with a redirect; it was not followed.',
						'upstream'
					)
				);
			}
			const limit = upstream.maxResponseBytes ?? options.maxResponseBytes ?? 2 * 1024 * 1024;
			const bytes = await answer.arrayBuffer();
			if (bytes.byteLength > limit)
				return finish(fail(502, 'response_too_large', 'The answer was too large.', 'upstream'));
			const out = new Headers({ 'x-proxy-stage': 'upstream' });
			for (const name of RESPONSE_HEADERS) {
				const value = answer.headers.get(name);
				if (value !== null) out.set(name, value);
			}
			return finish(new Response(bytes, { status: answer.status, headers: out }));
		} catch {
			return controller.signal.aborted
				? finish(
						fail(
							504,
							'upstream_timeout',
							'The distributor did not answer in time.',
							'upstream_timeout'
						)
					)
				: finish(fail(502, 'upstream_unreachable', 'Could not reach the distributor.', 'upstream'));
		} finally {
			clearTimeout(timer);
		}
	};
}
