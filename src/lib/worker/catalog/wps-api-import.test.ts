import { describe, expect, it } from 'vitest';
import { createApi } from '../api';
import { createTestDeps } from '$test-support/worker/test-deps';

describe('catalog.importFromWpsApi', () => {
	it('reads every cursor page with inventory and replaces the WPS feed', async () => {
		const asked: string[] = [];
		const item = (sku: string, cost: string) => ({
			sku,
			name: `Item ${sku}`,
			supplier_product_id: `MPN-${sku}`,
			upc: null,
			list_price: '29.95',
			standard_dealer_price: cost,
			mapp_price: '0.00',
			status: 'STK',
			brand: { data: { name: 'Fly Racing' } },
			inventory: { data: { ca_warehouse: 3, ga_warehouse: 0, id_warehouse: '25', tx_warehouse: 1 } }
		});
		const deps = createTestDeps({
			fetch: async (input, init) => {
				const url = new URL(String(input));
				asked.push(
					`${url.searchParams.get('page[cursor]') ?? ''}|${new Headers(init?.headers).get('authorization')}`
				);
				const second = url.searchParams.get('page[cursor]') === 'p2';
				return Response.json({
					data: second ? [item('26-3', 'call')] : [item('26-1', '17.10'), item('26-2', '5.00')],
					meta: { cursor: { next: second ? null : 'p2' } }
				});
			}
		});
		const api = createApi(deps);
		expect(await api.catalog.importFromWpsApi({ runId: 'w0' })).toMatchObject({
			ok: false,
			error: { code: 'not_enabled' }
		});
		await deps.db.distributors.put({
			id: 'wps',
			isEnabled: true,
			credentials: { apiToken: 'tok' },
			prerequisitesDone: [],
			updatedAt: deps.now().toISOString()
		});
		const result = await api.catalog.importFromWpsApi({ runId: 'w1' });
		if (!result.ok || result.value.state !== 'complete') throw new Error(JSON.stringify(result));
		expect(asked).toEqual(['|Bearer tok', 'p2|Bearer tok']);
		expect(result.value.feed).toMatchObject({ source: 'WPS API', rowCount: 2, errorCount: 1 });
		expect(result.value.problems[0]?.reason).toBe("dealer cost 'call' is not a price");
		const found = await api.catalog.search({ query: 'MPN-26-1' });
		expect(found.ok && found.value[0]?.offers[0]).toMatchObject({
			brand: 'Fly Racing',
			costCents: 1710,
			stock: { CA: 3, GA: 0, ID: 25, TX: 1, IN: 0, PA: 0, PA2: 0 }
		});
	});
});
