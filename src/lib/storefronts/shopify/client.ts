import type { z } from 'zod';
import { commonHttpError, parseBody, send } from '$lib/distributors/http';
import { err, type Result } from '$lib/domain/result';
import type { StorefrontDeps } from '../types';
import { Envelope, type ThrottleStatus } from './api-schemas';
import { MAX_THROTTLE_WAITS, MYSHOPIFY_HOST, SHOPIFY_API_VERSION, SHOPIFY_NAME } from './constants';

export interface ShopifyClient {
	/** The operation's `data`, parsed; errors in the dealer's words (see graphql()). */
	graphql<S extends z.ZodType>(
		operation: string,
		query: string,
		variables: Record<string, unknown>,
		schema: S,
		expectedCost: number
	): Promise<Result<z.infer<S>>>;
	readonly shop: string;
}

const sleepReal = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One Admin GraphQL endpoint per shop, the token in `X-Shopify-Access-Token` [S1]. The client
 * keeps the cost bucket the last answer reported and waits before a call that would not fit
 * (slowing down before THROTTLED); a THROTTLED answer is waited out and asked again, a few times,
 * then given up as `rate_limited` with the wait the bucket needs.
 */
export function shopifyClient(deps: StorefrontDeps): ShopifyClient {
	const shop = deps.credentials.shop.trim().toLowerCase();
	const token = deps.credentials.accessToken?.trim() ?? '';
	const sleep = deps.sleep ?? sleepReal;
	const clock = deps.clockMs ?? Date.now;
	let bucket: { status: ThrottleStatus; at: number } | null = null;

	/** Points available now, from the last answer and the restore rate since. */
	const available = (): number | null => {
		if (!bucket) return null;
		const { maximumAvailable, currentlyAvailable, restoreRate } = bucket.status;
		const refilled = ((clock() - bucket.at) / 1000) * restoreRate;
		return Math.min(maximumAvailable, currentlyAvailable + refilled);
	};
	const waitFor = (cost: number): number => {
		const now = available();
		if (now === null || now >= cost || !bucket) return 0;
		return Math.ceil(((cost - now) / Math.max(1, bucket.status.restoreRate)) * 1000);
	};

	return {
		shop,
		async graphql(operation, query, variables, schema, expectedCost) {
			if (!MYSHOPIFY_HOST.test(shop)) {
				return err('validation', 'Enter your shop as name.myshopify.com.', { field: 'shop' });
			}
			if (token === '') return err('auth', 'Enter your Shopify Admin API access token.');
			const url = `https://${shop}/admin/api/${SHOPIFY_API_VERSION}/graphql.json`;
			for (let waits = 0; ; waits += 1) {
				const wait = waitFor(expectedCost);
				if (wait > 0) await sleep(wait);
				const answer = await send(
					{ fetch: deps.fetch, credentials: {}, audit: deps.audit, timeoutMs: deps.timeoutMs },
					SHOPIFY_NAME,
					{
						operation,
						method: 'POST',
						url,
						headers: { 'x-shopify-access-token': token, 'content-type': 'application/json' },
						body: { query, variables }
					}
				);
				if (!answer.ok) return answer;
				const { status } = answer.value;
				if (status === 401 || status === 403) {
					return err(
						'auth',
						status === 401
							? 'Shopify refused the access token. Copy it again from your custom app.'
							: 'The Shopify app lacks a permission: it needs read_orders and the fulfilment order scopes.'
					);
				}
				if (status === 402) return err('auth', 'This Shopify store is frozen (unpaid plan).');
				if (status === 404) return err('not_found', `Shopify has no shop at ${shop}.`);
				const common = commonHttpError(answer.value, SHOPIFY_NAME);
				if (common) return common;
				const envelope = parseBody(Envelope, answer.value, SHOPIFY_NAME);
				if (!envelope.ok) return envelope;
				const cost = envelope.value.extensions?.cost;
				if (cost) bucket = { status: cost.throttleStatus, at: clock() };
				const errors = envelope.value.errors ?? [];
				if (errors.some((e) => e.extensions?.code === 'THROTTLED')) {
					const needed = cost?.requestedQueryCost ?? expectedCost;
					if (waits < MAX_THROTTLE_WAITS) {
						await sleep(Math.max(1000, waitFor(needed)));
						continue;
					}
					return err('rate_limited', 'Shopify asked us to slow down; the sync goes on shortly.', {
						retryAfterMs: Math.max(1000, waitFor(needed))
					});
				}
				if (errors.length > 0) {
					return err('protocol', 'Shopify refused the request.', {
						detail: errors.map((e) => e.message).join('; ')
					});
				}
				return parseBody(schema, { ...answer.value, json: envelope.value.data }, SHOPIFY_NAME);
			}
		}
	};
}
