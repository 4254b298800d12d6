import { describe, expect, it } from 'vitest';
import { createApi } from '../api';
import { createWriteQueue } from '../core/write-queue';
import { dealerWithOrder } from '$test-support/worker/dealer-fixture';

describe('a second tab opening while the first sends a PO (found by the soak)', () => {
	it('leaves the PO to the tab sending it: one order request, and the PO ends submitted', async () => {
		let release: () => void = () => undefined;
		const held = new Promise<void>((resolve) => (release = resolve));
		let isFirst = true;
		const { fake, deps, place } = await dealerWithOrder({
			wrap: (base) => ({
				...base,
				adapters: async (id, adapterDeps) => {
					const adapter = await base.adapters(id, adapterDeps);
					return (
						adapter && {
							...adapter,
							// The first order request is slow on the network: the other tab opens meanwhile.
							placeDropShipOrder: async (request) => {
								if (isFirst) {
									isFirst = false;
									await held;
								}
								return adapter.placeDropShipOrder(request);
							}
						}
					);
				}
			})
		});
		const sending = place();
		while ((await deps.db.purchaseOrders.toArray())[0]?.state !== 'submitting')
			await new Promise((resolve) => setTimeout(resolve, 1));

		// The second tab: its own worker on the same database, the browser's locks shared.
		const secondTab = createApi({ ...deps, writes: createWriteQueue() });
		expect(await secondTab.purchaseOrders.resumeAfterRestart({})).toEqual({
			ok: true,
			value: { checked: 0 }
		});
		release();
		const placed = await sending;
		expect(placed.ok && placed.value.state).toBe('submitted');
		expect([...fake.requests.values()]).toEqual([1]);
		expect(fake.duplicateAttempts).toBe(0);
	});
});
