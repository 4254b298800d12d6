import { REQUEST_HEADERS, TUCKER_QUERY_HEADERS } from './allow-list.ts';

/**
 * PROXY-8: every answer the proxy makes itself says how far the request got. `rejected`: never
 * forwarded, safe to send again. `upstream` / `upstream_timeout`: forwarded, so for a POST the
 * outcome is unknown and the client reconciles before resending. A distributor's own answer
 * carries no stage, so its absence means "this is what the distributor said".
 */
export type ProxyStage = 'rejected' | 'upstream' | 'upstream_timeout';

/** A JSON error `{ error, message }` with its stage. Messages never quote the request. */
export function proxyError(
	status: number,
	error: string,
	message: string,
	stage: ProxyStage,
	extra: Record<string, string> = {}
): Response {
	return new Response(JSON.stringify({ error, message }), {
		status,
		headers: {
			...extra,
			'content-type': 'application/json',
			'cache-control': 'no-store',
			'x-proxy-stage': stage
		}
	});
}

/**
 * PROXY-5: the browser gate. A request from another origin is refused outright; one with no
 * Origin passes (same-origin GETs and non-browser callers, which the rate limit handles) unless
 * the browser says it is cross-site. Returns the single configured origin to echo, or null.
 */
export function checkOrigin(
	request: Request,
	appOrigins: readonly string[]
): { ok: true; allowOrigin: string | null } | { ok: false } {
	const origin = request.headers.get('origin');
	if (origin === null) {
		// e.g. <img src="/proxy/..."> on another site: no Origin, but Sec-Fetch-Site tells.
		return request.headers.get('sec-fetch-site') === 'cross-site'
			? { ok: false }
			: { ok: true, allowOrigin: null };
	}
	const configured = appOrigins.find((o) => o === origin);
	return configured === undefined ? { ok: false } : { ok: true, allowOrigin: configured };
}

/** CORS headers for an answer; only the configured origin, never `*`, never credentials. */
export function withCors(response: Response, allowOrigin: string | null): Response {
	response.headers.append('vary', 'Origin');
	if (allowOrigin === null) return response;
	response.headers.set('access-control-allow-origin', allowOrigin);
	response.headers.set(
		'access-control-expose-headers',
		'retry-after, x-proxy-stage, x-proxy-reason, content-disposition'
	);
	return response;
}

/** The answer to a CORS preflight from the app's origin; `extraHeader` is the gate's own header. */
export function preflight(extraHeader?: string): Response {
	return new Response(null, {
		status: 204,
		headers: {
			'access-control-allow-methods': 'GET, POST, DELETE',
			'access-control-allow-headers': [
				...REQUEST_HEADERS,
				...Object.keys(TUCKER_QUERY_HEADERS),
				...(extraHeader ? [extraHeader] : [])
			].join(', '),
			'access-control-max-age': '600'
		}
	});
}
