import { getResponse } from 'msw';
import type { BrowserContext } from 'playwright-core';
import type { Offer } from '../../src/lib/domain/catalog';
import { createHandlers } from '../../src/lib/mocks/handlers';
import { Simulator, catalogFromOffers } from '../../src/lib/simulator/simulator';

/** The proxy routes the live transport calls (core/transport.ts), back to the distributors' URLs. */
const UPSTREAMS: Record<string, string> = {
	wps: 'https://api.wps-inc.com',
	pu: 'https://api.parts-unlimited.com/api',
	'pu-dealer': 'https://dealer.parts-unlimited.com/api',
	tucker: 'https://api.tucker.com/bin/trws',
	automatic: 'https://api.autodist.example/v2'
};

/**
 * A shop's live transport answered by the distributor simulators, in the test: the browser's calls
 * to the app's own `/proxy/<id>/…` are caught before they leave it and answered in node by the same
 * MSW handlers as demo mode. Nothing is sent anywhere (the proxy itself is not reached).
 */
export async function answerLiveWithSimulator(
	context: BrowserContext,
	offers: readonly Offer[]
): Promise<Simulator> {
	const sim = new Simulator({ catalog: catalogFromOffers(offers) });
	const handlers = createHandlers(sim);
	await context.route(/\/proxy\//, async (route) => {
		const request = route.request();
		const url = new URL(request.url());
		const [, , id = '', ...rest] = url.pathname.split('/');
		const base = UPSTREAMS[id];
		if (!base) return route.fulfill({ status: 404, body: 'no such distributor' });
		const headers = new Headers(await request.allHeaders());
		// Tucker's key crosses in headers (PROXY-6b); the simulator reads it from the query.
		const upstream = new URL(`${base}/${rest.join('/')}${url.search}`);
		for (const [header, param] of [
			['x-tucker-apikey', 'apikey'],
			['x-tucker-cust', 'cust']
		] as const) {
			const value = headers.get(header);
			if (value) upstream.searchParams.set(param, value);
		}
		const body = request.postDataBuffer();
		const answer = await getResponse(
			handlers,
			new Request(upstream, {
				method: request.method(),
				headers,
				...(body && request.method() !== 'GET' ? { body: new Uint8Array(body) } : {})
			})
		);
		if (!answer || answer.type === 'error') return route.abort('connectionfailed');
		await route.fulfill({
			status: answer.status,
			headers: Object.fromEntries(answer.headers),
			body: Buffer.from(await answer.arrayBuffer())
		});
	});
	return sim;
}
