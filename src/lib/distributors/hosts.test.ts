import { describe, expect, it } from 'vitest';
import { UPSTREAMS, upstreamsFor } from '$lib/proxy/allow-list';
import { resolveTarget } from '$lib/proxy/target';
import { toProxyTarget, withAutomaticBase } from '$lib/worker/core/transport';
import { AUTOMATIC_UNCONFIRMED } from './automatic/constants';
import { DISTRIBUTOR_BASES } from './hosts';
import { PU_BASE_URL, PU_DEALER_URL, PU_STAGING_URL } from './parts-unlimited/constants';
import { TUCKER_TEST_URL, TUCKER_URL } from './tucker-rocky/constants';
import { WPS_BASE_URL } from './wps/constants';

/** What an adapter calls → the worker's proxy route → the URL the proxy forwards to. */
function roundTrip(url: string, method: 'GET' | 'POST' = 'GET', headers = new Headers()) {
	const proxied = new URL(toProxyTarget(url, headers, 'http://localhost:4173'));
	const target = resolveTarget(
		proxied.pathname,
		proxied.search,
		method,
		upstreamsFor('https://ad.rep-gave.example/v2')
	);
	return target.ok ? target.url.href : `refused ${target.error}`;
}

describe('one source of truth for distributor hosts', () => {
	it("the adapters' constants are the hosts, including PU's and Tucker's test hosts", () => {
		expect(DISTRIBUTOR_BASES).toEqual({
			wps: WPS_BASE_URL,
			pu: PU_BASE_URL,
			'pu-stage': PU_STAGING_URL,
			'pu-dealer': PU_DEALER_URL,
			tucker: TUCKER_URL,
			'tucker-test': TUCKER_TEST_URL
		});
		expect(Object.fromEntries(Object.entries(UPSTREAMS).map(([id, u]) => [id, u.base]))).toEqual(
			DISTRIBUTOR_BASES
		);
	});

	it('every adapter address reaches the same address through the transport and the proxy', () => {
		const calls: [string, 'GET' | 'POST'][] = [
			[`${WPS_BASE_URL}/items?page%5Bsize%5D=1`, 'GET'],
			[`${PU_BASE_URL}/v2/orders/dropship?page_num=1`, 'GET'],
			[`${PU_STAGING_URL}/orders/dropship`, 'POST'],
			[`${PU_DEALER_URL}/quotes/v2/pricefile`, 'POST'],
			[`${TUCKER_URL}?type=INV&item=160942`, 'GET'],
			[`${TUCKER_TEST_URL}?type=INV&item=160942`, 'GET']
		];
		for (const [url, method] of calls) expect(roundTrip(url, method)).toBe(url);
	});

	it("Automatic's address, the dealer's, is routed by its mark and forwarded to the proxy's own", async () => {
		let seen: Request | undefined;
		const marked = withAutomaticBase(async (input, init) => {
			seen = new Request(input, init);
			return new Response('{}');
		}, 'https://ad.rep-gave.example/v2/');
		await marked('https://ad.rep-gave.example/v2/order/create', { method: 'POST' });
		const headers = new Headers(seen?.headers);
		expect(roundTrip(seen?.url ?? '', 'POST', headers)).toBe(
			'https://ad.rep-gave.example/v2/order/create'
		);
		expect([...headers.keys()]).not.toContain('x-dropship-automatic-base');
		// The simulator's address is never a proxy host.
		expect(() =>
			toProxyTarget(`${AUTOMATIC_UNCONFIRMED.simBaseUrl}/inventory`, new Headers(), 'http://x')
		).toThrow(/Not a distributor address/);
	});
});
