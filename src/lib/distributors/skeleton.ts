import { err, ok, type Result } from '$lib/domain/result';
import { send, type HttpAnswer, type HttpCall } from './http';
import type { AdapterDeps, FoundOrder, OrderStatus, OrderStatusResult } from './types';

/**
 * What the four adapters share, written once: the client factory (credential check, send,
 * success test), the order-status roll-up, findOrderByPoNumber on top of a status lookup, and the
 * cancel the APIs do not offer.
 */

export interface ClientCall {
	body?: unknown;
	poNumber?: string;
	query?: URLSearchParams;
}

export interface DistributorClient {
	call(
		operation: string,
		method: HttpCall['method'],
		path: string,
		options?: ClientCall
	): Promise<Result<HttpAnswer>>;
}

export interface ClientSpec {
	/** The distributor's name, as the dealer reads it in messages. */
	name: string;
	baseUrl: string;
	/** Null when the saved credentials can be sent; else the message telling the dealer what to enter. */
	missing: () => string | null;
	/** The headers that carry the credentials. */
	headers: () => Record<string, string>;
	/** Which error a missing credential is: `auth` unless the adapter says otherwise. */
	missingCode?: 'auth' | 'not_enabled';
}

/**
 * A client that checks the credentials before anything is sent (no request leaves without them)
 * and sends every call through http.ts (timeout, audit, masking, transport errors).
 */
export function createClient(deps: AdapterDeps, spec: ClientSpec): DistributorClient {
	return {
		async call(operation, method, path, options = {}) {
			const missing = spec.missing();
			if (missing !== null) return err(spec.missingCode ?? 'auth', missing);
			const query = options.query ? `?${options.query.toString()}` : '';
			return send(deps, spec.name, {
				operation,
				method,
				url: `${spec.baseUrl}${path}${query}`,
				headers: spec.headers(),
				...(options.body === undefined ? {} : { body: options.body }),
				...(options.poNumber ? { poNumber: options.poNumber } : {})
			});
		}
	};
}

export function isSuccess(answer: HttpAnswer): boolean {
	return answer.status >= 200 && answer.status < 300;
}

const isShipped = (s: OrderStatus) => s === 'shipped' || s === 'invoiced';

/**
 * One PO's status from the states of its parts (WPS order_details, PU lines, Tucker ordernums,
 * Automatic generations). Cancelled parts do not count unless every part is cancelled.
 */
export function rollUpStatus(states: readonly OrderStatus[]): OrderStatus {
	const live = states.filter((s) => s !== 'cancelled');
	if (states.length > 0 && live.length === 0) return 'cancelled';
	if (live.length > 0 && live.every((s) => s === 'invoiced')) return 'invoiced';
	if (live.length > 0 && live.every(isShipped)) return 'shipped';
	if (live.some((s) => isShipped(s) || s === 'partially_shipped')) return 'partially_shipped';
	if (live.some((s) => s === 'backordered')) return 'backordered';
	return 'open';
}

/**
 * findOrderByPoNumber from a status lookup: ok(null) only when the distributor says it has no
 * such PO (`not_found`); any other failure means "unknown", never "absent".
 */
export async function findByStatus(
	poNumber: string,
	lookup: Promise<Result<OrderStatusResult>>
): Promise<Result<FoundOrder | null>> {
	const found = await lookup;
	if (!found.ok) return found.error.code === 'not_found' ? ok(null) : found;
	const { distributorRefs, status } = found.value;
	return ok({ poNumber, distributorRefs, status });
}

/** `not_supported`, naming whom to contact: the APIs (PSS FAQ, distributors.md §1) cannot cancel. */
export function cancelNotSupported(name: string, contact: string, poNumber: string): Result<never> {
	return err(
		'not_supported',
		`${name} cannot cancel orders through its API. Contact ${contact} and quote PO ${poNumber}.`
	);
}
