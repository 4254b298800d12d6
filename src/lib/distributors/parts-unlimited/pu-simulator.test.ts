import { describe, expect, it } from 'vitest';
import { KEY, usePuSimulator } from '$test-support/distributors/pu-kit';

const kit = usePuSimulator({ slowMs: 120, plusFrom: 10 });
const base = 'https://api.parts-unlimited.com/api';
const get = async (path: string, root = base) => {
	const response = await fetch(`${root}${path}`, { headers: { 'api-key': KEY } });
	return { status: response.status, body: (await response.json()) as unknown };
};

describe('the PU simulator speaks the wire format integrations use', () => {
	it('returns string quantities per warehouse, capped as "10+" when configured', async () => {
		const { body } = await get('/v1/parts/inventory/14011193');
		expect(body).toEqual({
			availability: [
				{
					partNumber: '14011193',
					warehouses: [
						{ warehouse: 'WI', quantity: '10+' },
						{ warehouse: 'NY', quantity: '0' },
						{ warehouse: 'TX', quantity: '0' },
						{ warehouse: 'NV', quantity: '2' },
						{ warehouse: 'NC', quantity: '0' }
					]
				}
			]
		});
		const stock = await kit.adapter().getStock(['1401-1193']);
		expect(stock).toMatchObject({ ok: true, value: [{ totalQty: 12, capped: true }] });
	});

	it('refuses more than 25 part numbers in one inventory call', async () => {
		const many = Array.from({ length: 26 }, (_, i) => `P${i}`).join(',');
		expect((await get(`/v1/parts/inventory/${many}`)).status).toBe(400);
	});

	it('prices known parts and marks unknown ones found: false', async () => {
		expect((await get('/v1/parts/pricing/1401-1193,NOPE')).body).toEqual({
			pricing: [
				{
					partNumber: '1401-1193',
					found: true,
					basePrice: 23.22,
					dealerPrice: 21.5,
					retailPrice: 43
				},
				{ partNumber: 'NOPE', found: false }
			]
		});
	});

	it('answers on staging too, and requires both dates on the order lists', async () => {
		expect(
			(await get('/v1/parts/pricing/1401-1193', 'https://stage-api.lemansplatform.com/api')).status
		).toBe(200);
		expect((await get('/v2/orders/dropship?order_date_start=2025-03-01')).status).toBe(400);
		expect(
			(
				await get(
					'/orders/dropship?date_start=2025-03-01&date_end=2025-03-31&page_num=1&order_type=DS'
				)
			).body
		).toEqual({
			orders: [],
			page_num: 1,
			total_pages: 1
		});
	});

	it('answers a missing api-key with 401', async () => {
		expect((await fetch(`${base}/v1/parts/pricing/1401-1193`)).status).toBe(401);
	});
});
