import ky, { TimeoutError } from 'ky';
import type { z } from 'zod';
import { maskUrl } from '$lib/domain/audit';
import { err, ok, type ErrorCode, type Result } from '$lib/domain/result';
import { couldNotReach, UnreachableReason } from '$lib/domain/unreachable';
import type { AdapterDeps } from './types';

/**
 * The one place adapters talk HTTP: a timeout on every call, one audit row per exchange with
 * secrets masked, transport failures mapped to `transient`, 429 to `rate_limited`, and bodies
 * parsed with the adapter's zod schema (a body that fails it is `protocol`, never a crash).
 *
 * It never retries: whether a call may be repeated is the caller's decision (an order POST never is).
 */
export interface HttpCall {
	operation: string;
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	url: string;
	headers?: Record<string, string>;
	body?: unknown;
	poNumber?: string;
	/**
	 * `follow` for a distributor whose public clients follow redirects (Tucker, distributors.md
	 * §9); `manual` (a 3xx is an answer, not followed) otherwise.
	 */
	redirect?: 'follow' | 'manual';
}

export interface HttpAnswer {
	status: number;
	headers: Headers;
	/** The parsed JSON body, or null for an empty or non-JSON body. */
	json: unknown;
	text: string;
}

const DEFAULT_TIMEOUT_MS = 20_000;

export async function send(
	deps: AdapterDeps,
	distributorName: string,
	call: HttpCall
): Promise<Result<HttpAnswer>> {
	const started = Date.now();
	const audit = (status: number | undefined, isOk: boolean, message?: string) =>
		deps.audit?.({
			operation: call.operation,
			method: call.method,
			url: maskUrl(call.url),
			status,
			ok: isOk,
			durationMs: Date.now() - started,
			poNumber: call.poNumber,
			message
		});
	try {
		// ky with no retries and no throwing on statuses: what to make of an answer, and whether a
		// call may be repeated, is the adapter's and the caller's decision.
		const response = await ky(call.url, {
			method: call.method,
			headers: { accept: 'application/json', ...call.headers },
			...(call.body === undefined ? {} : { json: call.body }),
			fetch: deps.fetch,
			timeout: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
			retry: 0,
			throwHttpErrors: false,
			redirect: call.redirect ?? 'manual'
		});
		const text = await response.text();
		// Our proxy's own answer that it never got through (DNS, refused, TLS, its guard): not the
		// distributor's error, so the dealer is not sent to them about it.
		const unreachable = UnreachableReason.safeParse(response.headers.get('x-proxy-reason'));
		if (unreachable.success) {
			audit(response.status, false, `unreachable: ${unreachable.data}`);
			return err('transient', couldNotReach(distributorName, unreachable.data), {
				detail: `proxy: ${unreachable.data}`
			});
		}
		let json: unknown = null;
		if (text.trim() !== '') {
			try {
				json = JSON.parse(text);
			} catch {
				json = null;
			}
		}
		audit(response.status, response.ok);
		return ok({ status: response.status, headers: response.headers, json, text });
	} catch (cause) {
		const isTimeout = cause instanceof TimeoutError;
		const message = isTimeout
			? `${distributorName} did not answer in time.`
			: `Could not reach ${distributorName}: the connection failed.`;
		audit(undefined, false, isTimeout ? 'timeout' : 'network error');
		return err('transient', message, { detail: isTimeout ? 'timeout' : 'network' });
	}
}

/** Parses a body with the wire schema; a mismatch is the distributor changing its API: `protocol`. */
export function parseBody<S extends z.ZodType>(
	schema: S,
	answer: HttpAnswer,
	distributorName: string
): Result<z.infer<S>> {
	const parsed = schema.safeParse(answer.json);
	if (parsed.success) return ok(parsed.data);
	const issue = deepest(parsed.error.issues);
	return err('protocol', `${distributorName} sent an answer this app does not understand.`, {
		detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}; body starts ${answer.text.slice(0, 120)}`
	});
}

interface Issue {
	path: PropertyKey[];
	message: string;
	errors?: Issue[][];
}

/**
 * The issue that names the missing field: a "one object or a list" union fails at its own path,
 * so look inside its branches for the longest path (the detail then says `data.po_number`).
 */
function deepest(issues: readonly Issue[], prefix: PropertyKey[] = []): Issue | undefined {
	let best: Issue | undefined;
	for (const issue of issues) {
		const path = [...prefix, ...issue.path];
		const inner = (issue.errors ?? []).map((branch) => deepest(branch, path));
		const candidates = [{ ...issue, path }, ...inner.filter((i): i is Issue => i !== undefined)];
		for (const c of candidates) if (!best || c.path.length > best.path.length) best = c;
	}
	return best;
}

/** Maps the HTTP statuses every distributor shares; returns null for a status the adapter handles. */
export function commonHttpError(answer: HttpAnswer, distributorName: string): Result<never> | null {
	const { status } = answer;
	if (status === 429) {
		const retryAfterMs = parseRetryAfter(answer.headers.get('retry-after'));
		return err('rate_limited', `${distributorName} asked us to slow down; trying again shortly.`, {
			retryAfterMs,
			detail: answer.text.slice(0, 200)
		});
	}
	if (status >= 500) {
		return err('transient', `${distributorName} had a problem on their side (error ${status}).`, {
			detail: answer.text.slice(0, 200)
		});
	}
	return null;
}

const MIN_RETRY_MS = 1_000;
const MAX_RETRY_MS = 3_600_000;

/** Retry-After as seconds or an HTTP date, clamped to [1 s, 1 h]; garbage falls back to 30 s. */
export function parseRetryAfter(value: string | null, now = Date.now()): number {
	if (value === null || value.trim() === '') return 30_000;
	const trimmed = value.trim();
	let ms: number;
	if (/^-?\d+$/.test(trimmed)) ms = Number(trimmed) * 1000;
	else {
		const at = Date.parse(trimmed);
		if (Number.isNaN(at)) return 30_000;
		ms = at - now;
	}
	return Math.min(MAX_RETRY_MS, Math.max(MIN_RETRY_MS, ms));
}

export function failure(
	code: ErrorCode,
	message: string,
	detail?: string,
	field?: string
): Result<never> {
	return err(code, message, { ...(detail ? { detail } : {}), ...(field ? { field } : {}) });
}
