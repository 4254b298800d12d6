import { PU_BASE_URL, PU_DEALER_URL, PU_STAGING_URL } from './parts-unlimited/constants.ts';
import { TUCKER_TEST_URL, TUCKER_URL } from './tucker-rocky/constants.ts';
import { WPS_BASE_URL } from './wps/constants.ts';

/**
 * Every fixed address an adapter calls, keyed by the proxy's route id: the one source the proxy
 * allow-list and the worker's live transport are built from (imported with `.ts` so the proxy
 * runs in plain node). Automatic is not here: its address is not public; the dealer enters it
 * and the proxy takes it only from its own configuration (proxy/server-config.ts: `automatic.apiUrl`, `DD_AUTOMATIC_API_URL`).
 */
export const DISTRIBUTOR_BASES = {
	wps: WPS_BASE_URL,
	pu: PU_BASE_URL,
	/** PU's staging host [CODE×2]; staging keys differ from production keys. */
	'pu-stage': PU_STAGING_URL,
	'pu-dealer': PU_DEALER_URL,
	tucker: TUCKER_URL,
	/** Tucker's test host [CODE S23]. */
	'tucker-test': TUCKER_TEST_URL
} as const;

export type FixedUpstreamId = keyof typeof DISTRIBUTOR_BASES;
