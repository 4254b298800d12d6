import { createClient, type DistributorClient } from '../skeleton';
import type { AdapterDeps } from '../types';
import { WPS_BASE_URL } from './constants';
import { WPS_NAME } from './errors';

export { isSuccess } from '../skeleton';

export type WpsClient = DistributorClient;

/** Every WPS call carries `Authorization: Bearer <token>` and nothing else of the credentials. */
export function wpsClient(deps: AdapterDeps): WpsClient {
	const token = deps.credentials.apiToken?.trim() ?? '';
	return createClient(deps, {
		name: WPS_NAME,
		baseUrl: WPS_BASE_URL,
		missing: () =>
			token === '' ? `Enter your ${WPS_NAME} API token in Settings › Order automation.` : null,
		headers: () => ({ authorization: `Bearer ${token}` })
	});
}
