import {
	UPSTREAM_IDS,
	UPSTREAMS,
	type ProxyMethod,
	type Upstream,
	type UpstreamId
} from './allow-list.ts';

/**
 * Turns `/proxy/<id>/<path>?query` into the one upstream URL it may mean, or says why not. The
 * host always comes from the allow-list; the path only ever adds segments under the base, and
 * each segment is checked in both its raw and decoded form, because the upstream may decode
 * again (`%252e%252e` is `..` one hop later).
 */
export type Target =
	| { ok: true; id: UpstreamId; upstream: Upstream; url: URL }
	| { ok: false; status: 403 | 404 | 405; error: string; message: string; allow?: string };

const ROUTE = /^\/proxy\/([^/]+)(\/.*)?$/;
/** RFC 3986 `pchar` without `@`: what a segment may hold on the wire. */
const RAW_SEGMENT = /^(?:[A-Za-z0-9\-._~!$'()*+,;=:]|%[0-9A-Fa-f]{2})+$/;
/** What a segment must not mean once decoded: separators, authority, escapes, controls. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it rejects
const UNSAFE_DECODED = /[/\\?#@%\u0000-\u001f\u007f]/;

const refuse = (status: 403 | 404, error: string, message: string): Target => ({
	ok: false,
	status,
	error,
	message
});

/** True for an id of the allow-list (own ids only: `__proto__` is not one). */
export function isUpstreamId(id: string): id is UpstreamId {
	return (UPSTREAM_IDS as readonly string[]).includes(id);
}

function isSafeSegment(raw: string): boolean {
	if (!RAW_SEGMENT.test(raw)) return false;
	let decoded: string;
	try {
		decoded = decodeURIComponent(raw);
	} catch {
		return false;
	}
	return decoded !== '.' && decoded !== '..' && !UNSAFE_DECODED.test(decoded);
}

/** The segments of `path`, or null when one is empty (`//host`) or unsafe. */
function splitPath(path: string): string[] | null {
	if (path === '' || path === '/') return [];
	const segments = path.slice(1).split('/');
	return segments.every(isSafeSegment) ? segments : null;
}

function startsWith(segments: readonly string[], prefix: readonly string[]): boolean {
	return prefix.length <= segments.length && prefix.every((part, i) => segments[i] === part);
}

/**
 * Resolves a proxy route (pathname and search of the incoming URL) for one method, against the
 * allow-list this proxy serves (the fixed upstreams, plus Automatic when configured).
 */
export function resolveTarget(
	pathname: string,
	search: string,
	method: ProxyMethod,
	upstreams: Partial<Record<UpstreamId, Upstream>> = UPSTREAMS
): Target {
	const match = ROUTE.exec(pathname);
	const id = match?.[1] ?? '';
	if (!isUpstreamId(id)) return refuse(404, 'unknown_distributor', 'There is no such distributor.');
	const upstream = upstreams[id];
	if (!upstream)
		return refuse(
			404,
			'not_configured',
			"Automatic's API address is not set in this proxy's configuration."
		);
	const segments = splitPath(match?.[2] ?? '');
	if (segments === null) return refuse(403, 'target_refused', 'That address is not allowed.');
	const route = upstream.routes.find((r) => {
		const prefix = r.prefix.split('/').filter((s) => s !== '');
		return r.isExact ? segments.length === prefix.length : startsWith(segments, prefix);
	});
	if (!route) return refuse(403, 'target_refused', 'That address is not allowed.');
	if (!route.methods.includes(method))
		return {
			ok: false,
			status: 405,
			error: 'method_refused',
			message: 'That method is not allowed here.',
			allow: route.methods.join(', ')
		};
	const base = new URL(upstream.base);
	const url = new URL(upstream.base + segments.map((s) => `/${s}`).join(''));
	url.search = search;
	// Belt and braces: whatever the checks above missed, the host and base path cannot change.
	const isUnderBase =
		url.origin === base.origin &&
		url.username === '' &&
		url.password === '' &&
		(url.pathname === base.pathname ||
			url.pathname.startsWith(`${base.pathname}/`) ||
			base.pathname === '/');
	if (!isUnderBase) return refuse(403, 'target_refused', 'That address is not allowed.');
	return { ok: true, id, upstream, url };
}
