import { describe, expect, it } from 'vitest';
import {
	BASE,
	request,
	TOKEN,
	useAutomaticSimulator
} from '$test-support/distributors/automatic-kit';

const kit = useAutomaticSimulator({ slowMs: 120, canRevoke: true });
const { sim } = kit;
const auth = { authorization: `Bearer ${TOKEN}` };

async function lookup(query: string) {
	const response = await fetch(`${BASE}/order/lookup?${query}`, { headers: auth });
	return { status: response.status, body: (await response.json()) as unknown };
}

describe('the Automatic simulator (shape invented)', () => {
	it('refuses lookups over more than 365 days with 400', async () => {
		const ok = await lookup('ponumber=PO-1&startDate=2024-03-04&endDate=2025-03-04');
		expect(ok).toEqual({ status: 200, body: { orders: [] } });
		const wide = await lookup('ponumber=PO-1&startDate=2024-03-03&endDate=2025-03-04');
		expect(wide).toEqual({
			status: 400,
			body: {
				errors: [
					{
						code: 'RANGE_TOO_LARGE',
						field: 'startDate',
						message: 'Lookup window may not exceed 365 days.'
					}
				]
			}
		});
	});

	it('shows invoiceDate as MM/DD/YY and a two-digit generation number', async () => {
		await kit.adapter().placeDropShipOrder(request());
		sim.advanceHours(72);
		const { body } = await lookup('ponumber=PO-4001&startDate=2025-03-01&endDate=2025-03-10');
		expect(body).toMatchObject({
			orders: [
				{
					header: {
						ponumber: 'PO-4001',
						orderGenerationNumber: '00',
						status: 'INVOICED',
						invoiceDate: expect.stringMatching(/^03\/0[45]\/25$/)
					},
					lines: [{ sku: 'A1000001', quantity: 2 }]
				}
			]
		});
	});

	it('revokes all orders of a PO when the flag is on', async () => {
		await kit.adapter().placeDropShipOrder(request());
		const adapter = kit.adapter(TOKEN, { canRevoke: true });
		expect(adapter.capabilities.cancelOrder).toBe(true);
		expect(await adapter.cancelOrder('PO-4001')).toEqual({ ok: true, value: undefined });
		expect(await adapter.getOrderStatus('PO-4001')).toMatchObject({
			ok: true,
			value: { status: 'cancelled' }
		});
		expect(await adapter.cancelOrder('PO-4001')).toMatchObject({
			ok: false,
			error: { code: 'not_found' }
		});
	});
});
