import { RESPONSE_HEADERS } from './allow-list.ts';
import { isDeclaredTooLarge, readCapped } from './body.ts';
import { describeUnreachable, type UnreachableReason } from '../domain/unreachable.ts';
import { OutboundError, reasonOf } from './outbound.ts';
import { proxyError } from './responses.ts';

/**
 * The one upstream call: no redirects followed (PROXY-2) except, for an upstream that names them,
 * to its own origins (Tucker's public clients follow trws redirects), a deadline over the whole exchange
 * including the body, a capped answer, filtered headers. Never retried (PROXY-8): whether a call
 * may be repeated is the client's decision, and only the client knows what it has already sent.
 */
export interface ForwardInput {
	url: URL;
	method: string;
	headers: Headers;
	body: Uint8Array<ArrayBuffer> | undefined;
	fetch: typeof fetch;
	timeoutMs: number;
	maxResponseBytes: number;
	/** Aborts the upstream call when the client goes away. */
	signal: AbortSignal;
	/** Origins a GET redirect may be followed to (https only, at most MAX_REDIRECTS); else refused. */
	redirectOrigins?: readonly string[];
}

const MAX_REDIRECTS = 3;

const TIMEOUT = Symbol('timeout');
/** Statuses whose Response may not carry a body. */
const NULL_BODY = new Set([204, 205]);

/** Calls the distributor once; answers with its response (filtered) or a proxy error. */
export async function forward(input: ForwardInput): Promise<Response> {
	const controller = new AbortController();
	let timer: ReturnType<typeof setTimeout> | undefined;
	// Raced as well as signalled: a fetch that ignores its signal still cannot hold us past the deadline.
	const deadline = new Promise<typeof TIMEOUT>((resolve) => {
		timer = setTimeout(() => {
			controller.abort();
			resolve(TIMEOUT);
		}, input.timeoutMs);
	});
	const onClientGone = () => controller.abort();
	input.signal.addEventListener('abort', onClientGone, { once: true });
	const timedOut = () =>
		proxyError(
			504,
			'upstream_timeout',
			'The distributor did not answer in time; the request may have reached it.',
			'upstream_timeout'
		);
	try {
		let url = input.url;
		let answer: Response | typeof TIMEOUT;
		for (let hop = 0; ; hop++) {
			answer = await Promise.race([
				input.fetch(url, {
					method: input.method,
					headers: input.headers,
					body: input.body,
					redirect: 'manual',
					signal: controller.signal
				}),
				deadline
			]);
			if (answer === TIMEOUT) return timedOut();
			const isRedirect =
				answer.type === 'opaqueredirect' || (answer.status >= 300 && answer.status < 400);
			if (!isRedirect) break;
			void answer.body?.cancel().catch(() => undefined);
			const next = allowedRedirect(answer, url, input, hop);
			if (!next)
				return proxyError(
					502,
					'redirect_refused',
					'The distributor answered with a redirect; it was not followed.',
					'upstream'
				);
			url = next;
		}
		const tooLarge = () =>
			proxyError(502, 'response_too_large', 'The distributor’s answer was too large.', 'upstream');
		if (isDeclaredTooLarge(answer.headers, input.maxResponseBytes)) {
			void answer.body?.cancel().catch(() => undefined);
			return tooLarge();
		}
		const bytes = await Promise.race([readCapped(answer.body, input.maxResponseBytes), deadline]);
		if (bytes === TIMEOUT) return timedOut();
		if (bytes === 'too_large') return tooLarge();
		const headers = new Headers();
		for (const name of RESPONSE_HEADERS) {
			const value = answer.headers.get(name);
			if (value !== null) headers.set(name, value);
		}
		const body = NULL_BODY.has(answer.status) ? null : bytes;
		return new Response(body, { status: answer.status, headers });
	} catch (cause) {
		if (controller.signal.aborted && !input.signal.aborted) return timedOut();
		return unreachable(cause);
	} finally {
		clearTimeout(timer);
		input.signal.removeEventListener('abort', onClientGone);
	}
}

/**
 * Why the distributor could not be reached, in `x-proxy-reason` and the message, so the page says
 * "could not reach WPS: …" rather than blaming the distributor. Nothing was sent when the failure
 * came before the connection was up (DNS, refused, TLS, the guard): then the stage is `rejected`.
 * The cause's own text may quote the URL, which holds Tucker's key: only its reason is passed on.
 */
function unreachable(cause: unknown): Response {
	const failure = cause instanceof Error && cause.cause !== undefined ? cause.cause : cause;
	const reason: UnreachableReason = reasonOf(failure);
	const isBeforeSending = failure instanceof OutboundError && failure.phase === 'connect';
	return proxyError(
		502,
		'upstream_unreachable',
		`Could not reach the distributor: ${describeUnreachable(reason)}.`,
		isBeforeSending ? 'rejected' : 'upstream',
		{ 'x-proxy-reason': reason }
	);
}

/** Where a redirect may be followed: a GET, to an https origin the upstream names, a few hops. */
function allowedRedirect(
	answer: Response,
	from: URL,
	input: ForwardInput,
	hop: number
): URL | null {
	const origins = input.redirectOrigins ?? [];
	const location = answer.headers.get('location');
	if (input.method !== 'GET' || hop >= MAX_REDIRECTS || origins.length === 0 || !location)
		return null;
	if (!URL.canParse(location, from)) return null;
	const next = new URL(location, from);
	const isAllowed =
		next.protocol === 'https:' &&
		next.username === '' &&
		next.password === '' &&
		origins.includes(next.origin);
	return isAllowed ? next : null;
}
