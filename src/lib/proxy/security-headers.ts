import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/**
 * Headers every answer of ours carries, from `vite preview` (npm start) and from the plain node
 * server (npm run proxy). The page's Content-Security-Policy itself comes with the page (SvelteKit
 * computes its hashes at build time); these close what a meta tag cannot: sniffing, framing,
 * referrers and cross-window access.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'no-referrer',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin'
};

const ACAO = 'access-control-allow-origin';

function withoutWildcardCors(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
	const kept: OutgoingHttpHeaders = {};
	for (const [name, value] of Object.entries(headers)) {
		if (name.toLowerCase() === ACAO && String(value) === '*') continue;
		kept[name] = value;
	}
	return kept;
}

/**
 * Sets the security headers on a response and keeps any later middleware (Vite's and SvelteKit's
 * static file servers answer `Access-Control-Allow-Origin: *`) from opening the app's files to
 * every origin: CORS is the proxy's to answer, for the app's own origin only.
 */
export function guardResponse(res: ServerResponse): void {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	const dropWildcard = () => {
		if (res.getHeader(ACAO) === '*') res.removeHeader(ACAO);
	};
	dropWildcard();
	const setHeader = res.setHeader.bind(res);
	res.setHeader = ((name: string, value: number | string | readonly string[]) =>
		name.toLowerCase() === ACAO && String(value) === '*'
			? res
			: setHeader(name, value)) as ServerResponse['setHeader'];
	const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
	res.writeHead = ((...args: unknown[]) => {
		const last = args.at(-1);
		if (args.length > 1 && last && typeof last === 'object' && !Array.isArray(last))
			args[args.length - 1] = withoutWildcardCors(last as OutgoingHttpHeaders);
		dropWildcard();
		return writeHead(...args);
	}) as ServerResponse['writeHead'];
}
