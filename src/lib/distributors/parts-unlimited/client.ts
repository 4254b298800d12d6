import { err, type Result } from '$lib/domain/result';
import { send, type HttpAnswer } from '../http';
import type { AdapterDeps } from '../types';
import { PU_BASE_URL } from './constants';
import { PU_NAME } from './errors';

export interface PuClient {
	readonly dealer: string;
	call(
		operation: string,
		method: 'GET' | 'POST',
		path: string,
		options?: { body?: unknown; poNumber?: string }
	): Promise<Result<HttpAnswer>>;
}

/** Every PU call carries the `api-key` header; the dealer number travels in order bodies only. */
export function puClient(deps: AdapterDeps, baseUrl = PU_BASE_URL): PuClient {
	const key = deps.credentials.apiKey?.trim() ?? '';
	const dealer = deps.credentials.dealerNumber?.trim() ?? '';
	return {
		dealer,
		async call(operation, method, path, options = {}) {
			if (key === '' || dealer === '') {
				return err(
					'auth',
					`Enter your ${PU_NAME} dealer number and API key in Settings › Order automation.`
				);
			}
			return send(deps, PU_NAME, {
				operation,
				method,
				url: `${baseUrl}${path}`,
				headers: { 'api-key': key },
				...(options.body === undefined ? {} : { body: options.body }),
				...(options.poNumber ? { poNumber: options.poNumber } : {})
			});
		}
	};
}

export function isSuccess(answer: HttpAnswer): boolean {
	return answer.status >= 200 && answer.status < 300;
}
