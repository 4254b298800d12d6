import { commonHttpError, send, type HttpAnswer } from '$lib/distributors/http';
import { err, type Result } from '$lib/domain/result';
import type { StorefrontDeps } from '../types';
import { WooError } from './api-schemas';
import { WOO_API_PATH, WOO_NAME } from './constants';
import { storeBase } from './store-address';

export interface WooClient {
	readonly base: string;
	call(
		operation: string,
		method: 'GET' | 'POST' | 'PUT',
		path: string,
		body?: unknown
	): Promise<Result<HttpAnswer>>;
}

/** HTTP Basic with the consumer key and secret over HTTPS [S9]; a non-2xx answer is an error in words. */
export function wooClient(deps: StorefrontDeps): WooClient | Result<never> {
	const base = storeBase(deps.credentials.shop);
	if (!base) {
		return err('validation', 'Enter your store address starting with https://.', { field: 'shop' });
	}
	const key = deps.credentials.consumerKey?.trim() ?? '';
	const secret = deps.credentials.consumerSecret?.trim() ?? '';
	if (!key || !secret) return err('auth', 'Enter your WooCommerce consumer key and secret.');
	const authorization = `Basic ${btoa(`${key}:${secret}`)}`;
	return {
		base,
		async call(operation, method, path, body) {
			const answer = await send(
				{ fetch: deps.fetch, credentials: {}, audit: deps.audit, timeoutMs: deps.timeoutMs },
				WOO_NAME,
				{
					operation,
					method,
					url: `${base}${WOO_API_PATH}${path}`,
					headers: { authorization },
					...(body === undefined ? {} : { body })
				}
			);
			if (!answer.ok) return answer;
			const { status } = answer.value;
			if (status >= 200 && status < 300) return answer;
			const common = commonHttpError(answer.value, WOO_NAME);
			if (common) return common;
			const said = WooError.safeParse(answer.value.json);
			const words = said.success ? said.data.message : `error ${status}`;
			if (status === 401 || status === 403) {
				return err('auth', `WooCommerce refused the consumer key: ${words}`);
			}
			if (status === 404) return err('not_found', `WooCommerce: ${words}`);
			return err('validation', `WooCommerce refused the request: ${words}`);
		}
	};
}
