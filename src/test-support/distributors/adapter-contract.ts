import { describe, expect, it } from 'vitest';
import type { DistributorAdapter, DropShipRequest } from '$lib/distributors/types';
import type { DistributorId } from '$lib/domain/distributor';
import type { Simulator } from '$lib/simulator/simulator';

/** What the contract needs of a distributor's test kit. */
export interface ContractKit {
	id: DistributorId;
	sim: Simulator;
	/** The adapter with the kit's working credentials. */
	adapter: () => DistributorAdapter;
	/** The adapter with no credentials at all. */
	bare: () => DistributorAdapter;
	requests: () => unknown[] | Promise<unknown[]>;
	request: (overrides?: Partial<DropShipRequest>) => DropShipRequest;
	/** A SKU the kit's simulator carries. */
	sku: string;
	/** Tucker cannot look a PO up without its order number ("cannot check"). */
	canFindByPo: boolean;
}

/**
 * One contract for every adapter, run against its simulator: what the four adapters must do the
 * same way, whatever their API. Per-distributor wire details stay in each adapter's own tests.
 */
export function describeAdapterContract(makeKit: () => ContractKit): void {
	const kit = makeKit();
	const { sim } = kit;
	describe(`${kit.id}: the adapter contract`, () => {
		it('sends nothing without credentials and says what to enter', async () => {
			const result = await kit.bare().getStock([kit.sku]);
			expect(result).toMatchObject({ ok: false, error: { code: 'auth' } });
			expect(await kit.requests()).toHaveLength(0);
		});

		it('cancel is never sent: not_supported, naming the PO', async () => {
			expect(await kit.adapter().cancelOrder('PO-9')).toMatchObject({
				ok: false,
				error: { code: 'not_supported', message: expect.stringContaining('PO-9') }
			});
			expect(await kit.requests()).toHaveLength(0);
		});

		it('an empty bulk status asks nothing', async () => {
			expect(await kit.adapter().getOrderStatuses([])).toEqual({
				ok: true,
				value: { statuses: [], askSingly: [] }
			});
		});

		it('finds a placed PO by its number, or says it cannot check; absent only when absent', async () => {
			const placed = await kit.adapter().placeDropShipOrder(kit.request());
			expect(placed.ok).toBe(true);
			const found = await kit.adapter().findOrderByPoNumber(kit.request().poNumber);
			if (kit.canFindByPo) {
				expect(found).toMatchObject({ ok: true, value: { poNumber: kit.request().poNumber } });
				expect(await kit.adapter().findOrderByPoNumber('PO-NEVER')).toEqual({
					ok: true,
					value: null
				});
			} else {
				expect(found).toMatchObject({ ok: false, error: { code: 'not_supported' } });
			}
		});

		it.each([
			['server_error', 'transient'],
			['dropped_connection', 'transient'],
			['rate_limited', 'rate_limited'],
			['malformed_body', 'protocol'],
			['bad_credentials', 'auth']
		] as const)('the %s fault on a stock call is %s, never a throw', async (fault, code) => {
			sim.setFault(kit.id, fault, true);
			expect(await kit.adapter().getStock([kit.sku])).toMatchObject({
				ok: false,
				error: { code, message: expect.any(String) }
			});
		});

		it('a rate limit carries how long to wait', async () => {
			sim.setFault(kit.id, 'rate_limited', true);
			const result = await kit.adapter().getStock([kit.sku]);
			expect(result.ok ? 0 : (result.error.retryAfterMs ?? 0)).toBeGreaterThan(0);
		});
	});
}
