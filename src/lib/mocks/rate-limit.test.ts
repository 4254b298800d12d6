import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { DistributorId } from '$lib/domain/distributor';
import { createHandlers } from './handlers';
import { Simulator } from '$lib/simulator/simulator';

/** One cheap, authorised status-list request per simulated distributor. */
const REQUESTS: Record<DistributorId, () => Request> = {
	wps: () =>
		new Request('https://api.wps-inc.com/orders?from_date=20250301&to_date=20250302', {
			headers: { authorization: 'Bearer demo-wps' }
		}),
	pu: () =>
		new Request(
			'https://api.parts-unlimited.com/api/v2/orders/dropship?order_date_start=2025-03-01&order_date_end=2025-03-02',
			{ headers: { 'api-key': 'DEMOKEY-0000000-0000000-0000000' } }
		),
	tucker: () =>
		new Request(
			'https://api.tucker.com/bin/trws?apikey=DEMOKEY&cust=123456&output=JSON&type=SHP&ordernum=1'
		),
	automatic: () =>
		new Request(
			'https://api.autodist.example/v2/order/range?startDate=2025-03-01&endDate=2025-03-02',
			{
				headers: { authorization: 'Bearer demo-automatic' }
			}
		)
};

describe('simulated rate limit per distributor', () => {
	it.each(Object.keys(REQUESTS) as DistributorId[])(
		'%s: 429 with Retry-After once the window is full; the other distributors and a later window are unaffected',
		async (id) => {
			let clock = Date.parse('2025-03-03T15:00:00Z');
			const sim = new Simulator({
				realNow: () => clock,
				rateLimit: { requests: 3, windowMs: 60_000 }
			});
			const handlers = createHandlers(sim);
			const send = async (which: DistributorId) => {
				const response = await getResponse(handlers, REQUESTS[which]());
				if (!response) throw new Error(`no handler for ${which}`);
				return response;
			};
			for (let i = 0; i < 3; i++) {
				expect((await send(id)).status).toBe(200);
				clock += 10_000;
			}
			const refused = await send(id);
			expect(refused.status).toBe(429);
			// The first request leaves the window 60 s after it was admitted: 30 s from now.
			expect(refused.headers.get('retry-after')).toBe('30');
			const other = id === 'wps' ? 'pu' : 'wps';
			expect((await send(other)).status).toBe(200);
			clock += 30_000;
			expect((await send(id)).status).toBe(200);
		}
	);
});
