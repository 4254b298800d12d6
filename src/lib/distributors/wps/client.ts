import { err, type Result } from '$lib/domain/result';
import { send, type HttpAnswer } from '../http';
import type { AdapterDeps } from '../types';
import { WPS_BASE_URL } from './constants';
import { WPS_NAME } from './errors';

export interface WpsClient {
	call(
		operation: string,
		method: 'GET' | 'POST' | 'DELETE',
		path: string,
		options?: { body?: unknown; poNumber?: string }
	): Promise<Result<HttpAnswer>>;
}

/** Every WPS call carries `Authorization: Bearer <token>` and nothing else of the credentials. */
export function wpsClient(deps: AdapterDeps): WpsClient {
	const token = deps.credentials.apiToken?.trim() ?? '';
	return {
		async call(operation, method, path, options = {}) {
			if (token === '') {
				return err('auth', `Enter your ${WPS_NAME} API token in Settings › Order automation.`);
			}
			return send(deps, WPS_NAME, {
				operation,
				method,
				url: `${WPS_BASE_URL}${path}`,
				headers: { authorization: `Bearer ${token}` },
				...(options.body === undefined ? {} : { body: options.body }),
				...(options.poNumber ? { poNumber: options.poNumber } : {})
			});
		}
	};
}

export function isSuccess(answer: HttpAnswer): boolean {
	return answer.status >= 200 && answer.status < 300;
}
