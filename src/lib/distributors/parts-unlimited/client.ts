import { createClient, type DistributorClient } from '../skeleton';
import type { AdapterDeps } from '../types';
import { PU_BASE_URL } from './constants';
import { PU_NAME } from './errors';

export { isSuccess } from '../skeleton';

export interface PuClient extends DistributorClient {
	readonly dealer: string;
}

/** Every PU call carries the `api-key` header; the dealer number travels in order bodies only. */
export function puClient(deps: AdapterDeps, baseUrl = PU_BASE_URL): PuClient {
	const key = deps.credentials.apiKey?.trim() ?? '';
	const dealer = deps.credentials.dealerNumber?.trim() ?? '';
	const client = createClient(deps, {
		name: PU_NAME,
		baseUrl,
		missing: () =>
			key === '' || dealer === ''
				? `Enter your ${PU_NAME} dealer number and API key in Settings › Order automation.`
				: null,
		headers: () => ({ 'api-key': key })
	});
	return { dealer, call: client.call };
}
