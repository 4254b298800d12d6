import { accountGap } from '$lib/domain/account';
import { createClient, type DistributorClient } from '../skeleton';
import type { AdapterDeps } from '../types';
import { AUTOMATIC_UNCONFIRMED } from './constants';
import { AD_NAME } from './errors';

export { isSuccess } from '../skeleton';

export type AdClient = DistributorClient;

/**
 * Every call carries the API token in the (invented) bearer header, to the address the dealer
 * entered (their rep's; not public). Without a usable address nothing is sent, and the answer is
 * `not_enabled`, never a network fault to retry.
 */
export function adClient(deps: AdapterDeps, baseUrl?: string): AdClient {
	const token = deps.credentials.apiToken?.trim() ?? '';
	const address = (baseUrl ?? deps.credentials.apiBaseUrl ?? '').trim().replace(/\/+$/, '');
	const gap = baseUrl
		? null
		: accountGap({ id: 'automatic', credentials: { apiBaseUrl: address } });
	const { header, scheme } = AUTOMATIC_UNCONFIRMED.auth;
	return createClient(deps, {
		name: AD_NAME,
		baseUrl: address,
		missing: () => {
			if (token === '') return `Enter your ${AD_NAME} API token in Settings › Order automation.`;
			return gap ? `${gap}. Enter it in Settings › Order automation.` : null;
		},
		missingCode: token === '' ? 'auth' : 'not_enabled',
		headers: () => ({ [header]: `${scheme} ${token}` })
	});
}
