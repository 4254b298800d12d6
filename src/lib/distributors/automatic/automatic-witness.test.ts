import { describe, expect, it } from 'vitest';
import { fixtureDeps, fixtureFetch } from '$test-support/distributors/fixture-fetch';
import created from './fixtures/order-created.json';
import lookup from './fixtures/order-lookup.json';
import { WitnessCreated, WitnessLookup } from '$test-support/distributors/witness/automatic';
import { createAutomaticAdapter } from './index';
import {
	BASE,
	request,
	TOKEN,
	useAutomaticSimulator
} from '$test-support/distributors/automatic-kit';

describe('Automatic: the API address the dealer enters', () => {
	it('without an address nothing is sent: "not set", not a network fault', async () => {
		const fixture = fixtureFetch([]);
		const adapter = createAutomaticAdapter(fixtureDeps(fixture.fetch, { apiToken: TOKEN }));
		for (const result of [
			await adapter.validateCredentials(),
			await adapter.placeDropShipOrder(request()),
			await adapter.getOrderStatus('PO-4001')
		]) {
			expect(result).toEqual({
				ok: false,
				error: {
					code: 'not_enabled',
					message: "Automatic's API address is not set. Enter it in Settings › Order automation."
				}
			});
		}
		expect(fixture.requests).toHaveLength(0);
	});

	it('an address that is not https is refused before anything is sent', async () => {
		const fixture = fixtureFetch([]);
		const deps = fixtureDeps(fixture.fetch, {
			apiToken: TOKEN,
			apiBaseUrl: 'http://api.rep-gave.example/v2'
		});
		expect(await createAutomaticAdapter(deps).getStock(['A1000001'])).toMatchObject({
			ok: false,
			error: { code: 'not_enabled', message: expect.stringMatching(/must start with https/) }
		});
		expect(fixture.requests).toHaveLength(0);
	});

	it('calls the address entered, whatever it is', async () => {
		const fixture = fixtureFetch([
			{ url: /^https:\/\/ad\.rep-gave\.example\/api\/v2\/order\/lookup\?/, body: lookup }
		]);
		const deps = fixtureDeps(fixture.fetch, {
			apiToken: TOKEN,
			apiBaseUrl: 'https://ad.rep-gave.example/api/v2/'
		});
		expect(await createAutomaticAdapter(deps).getOrderStatus('PO-4001')).toMatchObject({
			ok: true,
			value: { status: 'shipped', distributorRefs: ['S0501234'] }
		});
	});
});

describe('Automatic fixtures and simulator follow the one public description of v2', () => {
	it('the fixtures', () => {
		expect(WitnessCreated.safeParse(created).success).toBe(true);
		expect(WitnessLookup.safeParse(lookup).success).toBe(true);
	});

	const kit = useAutomaticSimulator();

	it('the simulator answers', async () => {
		let answer: unknown;
		kit.server.events.on('response:mocked', async ({ request: r, response }) => {
			if (r.method === 'POST') answer = await response.clone().json();
		});
		expect((await kit.adapter().placeDropShipOrder(request())).ok).toBe(true);
		expect(WitnessCreated.parse(answer).header.ponumber).toBe('PO-4001');
		kit.sim.advanceHours(24 * 20);
		const q = new URLSearchParams({
			ponumber: 'PO-4001',
			startDate: '2025-01-01',
			endDate: '2025-12-31'
		});
		const found = await fetch(`${BASE}/order/lookup?${q}`, {
			headers: { authorization: `Bearer ${TOKEN}` }
		});
		expect(WitnessLookup.parse(await found.json()).orders.length).toBeGreaterThan(0);
	});
});
