import { err, type Result } from '$lib/domain/result';
import { send, type HttpAnswer } from '../http';
import type { AdapterDeps } from '../types';
import { AUTOMATIC_UNCONFIRMED } from './constants';
import { AD_NAME } from './errors';

export interface AdClient {
	call(
		operation: string,
		method: 'GET' | 'POST',
		path: string,
		options?: { body?: unknown; poNumber?: string; query?: URLSearchParams }
	): Promise<Result<HttpAnswer>>;
}

/** Every call carries the API token in the (invented) bearer header. */
export function adClient(
	deps: AdapterDeps,
	baseUrl: string = AUTOMATIC_UNCONFIRMED.baseUrl
): AdClient {
	const token = deps.credentials.apiToken?.trim() ?? '';
	const { header, scheme } = AUTOMATIC_UNCONFIRMED.auth;
	return {
		async call(operation, method, path, options = {}) {
			if (token === '') {
				return err('auth', `Enter your ${AD_NAME} API token in Settings › Order automation.`);
			}
			const query = options.query ? `?${options.query.toString()}` : '';
			return send(deps, AD_NAME, {
				operation,
				method,
				url: `${baseUrl}${path}${query}`,
				headers: { [header]: `${scheme} ${token}` },
				...(options.body === undefined ? {} : { body: options.body }),
				...(options.poNumber ? { poNumber: options.poNumber } : {})
			});
		}
	};
}

export function isSuccess(answer: HttpAnswer): boolean {
	return answer.status >= 200 && answer.status < 300;
}
