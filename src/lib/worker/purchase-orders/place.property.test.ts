import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApi } from '../api';
import { FakeDistributor, type FakeMode } from '$test-support/worker/fake-distributor';
import { createTestDeps } from '$test-support/worker/test-deps';

/**
 * Case 21: random double clicks, failures, lost answers, reloads and a second tab, scheduled in
 * random interleavings. Whatever happens, the distributor never receives an order request for a
 * PO it already holds, never holds two orders for one item, and no PO row is ever lost. (A PO
 * the distributor refused may be followed by a new PO for the same item: that is a new order.)
 */
type Command =
	| { kind: 'dropship'; tab: 0 | 1 }
	| { kind: 'retry'; tab: 0 | 1 }
	| { kind: 'reload'; tab: 0 | 1 }
	| { kind: 'distributor'; mode: FakeMode };

const command: fc.Arbitrary<Command> = fc.oneof(
	fc.record({
		kind: fc.constant('dropship' as const),
		tab: fc.constantFrom(0 as const, 1 as const)
	}),
	fc.record({ kind: fc.constant('retry' as const), tab: fc.constantFrom(0 as const, 1 as const) }),
	fc.record({ kind: fc.constant('reload' as const), tab: fc.constantFrom(0 as const, 1 as const) }),
	fc.record({
		kind: fc.constant('distributor' as const),
		mode: fc.constantFrom<FakeMode>(
			'ok',
			'refuse',
			'lose_after_create',
			'lose_and_lookup_down',
			'down',
			'lookup_down'
		)
	})
);

const shipTo = {
	name: 'Travis Holt',
	line1: '50 W Liberty St',
	city: 'Reno',
	state: 'NV',
	postalCode: '89501'
};

describe('exactly-once placement under random interleavings', () => {
	it('never asks the distributor twice for a PO it holds, and never loses a PO row (1,000 runs)', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.scheduler(),
				// Steps run one after another; the commands within a step race (double clicks, two tabs).
				fc.array(fc.array(command, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
				async (s, steps) => {
					const fake = new FakeDistributor();
					// Every distributor answer is released by the scheduler too, so commands interleave with calls.
					const base = createTestDeps({
						adapters: (id) => {
							const adapter = fake.adapter(id);
							return {
								...adapter,
								getStock: s.scheduleFunction(adapter.getStock),
								placeDropShipOrder: s.scheduleFunction(adapter.placeDropShipOrder),
								findOrderByPoNumber: s.scheduleFunction(adapter.findOrderByPoNumber)
							};
						}
					});
					// Two tabs: two APIs on the same database, each with its own write queue.
					const tabs = [
						createApi(base),
						createApi({ ...base, writes: (await import('../core/write-queue')).createWriteQueue() })
					];
					await base.db.settings.put({
						key: 'app',
						value: { dealer: { name: 'D', poPrefix: 'RL' } }
					});
					await base.db.distributors.put({
						id: 'pu',
						isEnabled: true,
						credentials: { dealerNumber: '1', apiKey: 'K' },
						prerequisitesDone: [],
						updatedAt: base.now().toISOString()
					});
					const order = await tabs[0]!.orders.create({
						number: '9001',
						buyer: { name: 'Travis Holt', email: 'travis@example.com' },
						shipTo,
						items: [{ title: 'Brake pads', sku: 'PU1', quantity: 1, unitPriceCents: 4000 }]
					});
					if (!order.ok) throw new Error('setup');
					const orderId = order.value.id;
					let maxRows = 0;
					const run = async (c: Command) => {
						const tab = c.kind === 'distributor' ? tabs[0]! : tabs[c.tab]!;
						if (c.kind === 'distributor') fake.mode = c.mode;
						else if (c.kind === 'dropship') {
							await tab.purchaseOrders.place({
								orderId,
								distributorId: 'pu',
								shipTo,
								lines: [{ orderItemId: `${orderId}-1`, sku: '1', quantity: 1, unitCostCents: 2000 }]
							});
						} else if (c.kind === 'retry') {
							const po = await base.db.purchaseOrders.toCollection().first();
							if (po) await tab.purchaseOrders.retry({ poId: po.id });
						} else await tab.purchaseOrders.resumeAfterRestart({});
						const rows = await base.db.purchaseOrders.count();
						expect(rows).toBeGreaterThanOrEqual(maxRows);
						maxRows = rows;
					};
					for (const commands of steps) {
						// The scheduler releases the racing commands and every distributor answer in a
						// random order; IndexedDB answers on macrotasks, so release them one by one.
						const all = Promise.all(commands.map((c) => s.schedule(Promise.resolve(c)).then(run)));
						let isDone = false;
						void all.finally(() => (isDone = true));
						while (!isDone) {
							if (s.count() > 0) await s.waitOne();
							else await new Promise((resolve) => setImmediate(resolve));
						}
						await all;
					}
					expect(fake.duplicateAttempts).toBe(0);
					// One item of quantity 1: the distributor holds at most one order for it, whatever the POs.
					expect(fake.orders.size).toBeLessThanOrEqual(1);
					base.db.close();
				}
			),
			{ numRuns: 1000 }
		);
	}, 240_000);
});
