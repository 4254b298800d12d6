import { describe, expect, it } from 'vitest';
import { openDb, reopenAfterLoss } from '$lib/db/db';
import type { ApiDeps } from './deps';
import { dealerWithOrder } from '$test-support/worker/dealer-fixture';
import { createWriteQueue, isConnectionLost } from './write-queue';

/**
 * reliability.md §8 case 23 (STOR-4): the database connection goes away under the app. The write
 * is tried once more on a reopened connection, from its start, so it reads afresh; nothing is
 * assumed written and no order is sent on what was read before the loss.
 */
describe('a connection lost under a write', () => {
	it('reopens, reads again and writes once', async () => {
		const db = openDb(`loss-${Math.random()}`);
		const writes = createWriteQueue({ reopen: () => reopenAfterLoss(db) });
		await db.settings.put({ key: 'counter', value: 0 });
		let runs = 0;
		await writes.run(async () => {
			runs += 1;
			const counter = (await db.settings.get('counter'))?.value as number;
			// The first run loses its connection between the read and the write.
			if (runs === 1) db.close();
			await db.settings.put({ key: 'counter', value: counter + 1 });
		});
		expect(runs).toBe(2);
		expect((await db.settings.get('counter'))?.value).toBe(1);
	});

	it('does not reopen a database another tab upgraded: the page asks for a reload', async () => {
		const db = openDb(`upgraded-${Math.random()}`);
		await db.open();
		// What the versionchange handler does when a newer version opens elsewhere.
		db.on.versionchange.fire(new Event('versionchange') as IDBVersionChangeEvent);
		expect(db.isOpen()).toBe(false);
		expect(await reopenAfterLoss(db)).toBe(false);
		const writes = createWriteQueue({ reopen: () => reopenAfterLoss(db) });
		await expect(writes.run(() => db.settings.put({ key: 'x', value: 1 }))).rejects.toSatisfy(
			isConnectionLost
		);
	});

	it('a Dropship whose PO write loses the connection is placed exactly once', async () => {
		let losses = 0;
		const lostJobs = new WeakSet<object>();
		// The placement's first writes (the PO row, then `queued` → `submitting`) each lose their
		// connection once, at their start.
		const { deps, fake, place } = await dealerWithOrder({
			wrap: (base): ApiDeps => ({
				...base,
				writes: {
					run: (job) =>
						base.writes.run(async () => {
							if (losses > 0 && !lostJobs.has(job)) {
								losses -= 1;
								lostJobs.add(job);
								base.db.close();
							}
							return job();
						}),
					idle: () => base.writes.idle()
				}
			})
		});
		losses = 2;
		expect(await place()).toMatchObject({ ok: true, value: { state: 'submitted' } });
		expect(losses).toBe(0);
		expect(fake.orders.size).toBe(1);
		expect([...fake.requests.values()]).toEqual([1]);
		expect(await deps.db.purchaseOrders.count()).toBe(1);
	});

	it('after an upgrade elsewhere, a worker call answers in words instead of throwing', async () => {
		const { deps, place } = await dealerWithOrder();
		deps.db.on.versionchange.fire(new Event('versionchange') as IDBVersionChangeEvent);
		expect(await place()).toMatchObject({
			ok: false,
			error: { code: 'transient', message: expect.stringMatching(/Reload the page/) }
		});
	});
});
