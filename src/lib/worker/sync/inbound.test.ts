import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDeps } from '$test-support/worker/test-deps';
import { memorySyncEngine } from '$test-support/worker/memory-sync-engine';
import type { ApiDeps } from '../core/deps';
import type { Replica } from './engine';
import { APPLIED_KEY, applyIncoming, type PullContext } from './inbound';

let deps: ApiDeps;
let replica: Replica;
let ctx: PullContext;

const orderRow = (id: string, number: string, note = '') => ({
	id,
	number,
	createdAt: '2026-11-20T15:00:00.000Z',
	buyer: { name: 'Cody Walters', email: 'cody@example.com' },
	shipTo: {},
	totalCents: 7990,
	state: 'open',
	source: 'form',
	note
});

/** What another device wrote, as it lands in this device's replica. */
const fromA = (row: ReturnType<typeof orderRow>) => ({
	_id: `orders:${row.id}`,
	table: 'orders',
	row,
	editedAt: '2026-11-20T15:00:00.000Z',
	device: 'A'
});

beforeEach(async () => {
	deps = createTestDeps();
	replica = await memorySyncEngine.openReplica(`inbound-${Math.random().toString(36).slice(2)}`);
	ctx = {
		db: deps.db,
		writes: deps.writes,
		replica,
		device: 'B',
		now: deps.now,
		onResolved: async () => undefined
	};
});

describe('records arriving from the server', () => {
	it('wait their turn in the write queue: a local write in progress is never raced', async () => {
		await deps.db.orders.add(orderRow('o1', '1001', 'before') as never);
		await replica.put(fromA(orderRow('o1', '1001', 'from A')));
		// A local job reads the order, waits (a distributor call, say), then writes what it read.
		let release = () => {};
		const gate = new Promise<void>((resolve) => (release = resolve));
		const local = deps.writes.run(async () => {
			const read = await deps.db.orders.get('o1');
			await gate;
			await deps.db.orders.put({ ...read!, note: `${read!.note} + local` });
		});
		const incoming = applyIncoming(ctx);
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect((await deps.db.orders.get('o1'))?.note).toBe('before');
		release();
		await local;
		expect(await incoming).toBe(1);
		// Applied after the local job, not lost under it (the local job's write came first).
		expect((await deps.db.orders.get('o1'))?.note).toBe('from A');
	});

	it('are written a batch at a time, with the applied sequence, and only when they differ', async () => {
		await deps.db.orders.add(orderRow('o2', '1002') as never);
		await replica.bulkDocs([
			fromA(orderRow('o1', '1001')),
			fromA(orderRow('o2', '1002')),
			fromA(orderRow('o3', '1003'))
		]);
		expect(await applyIncoming(ctx)).toBe(2);
		expect(await deps.db.orders.count()).toBe(3);
		const seq = (await replica.info()).update_seq;
		expect((await deps.db.settings.get(APPLIED_KEY))?.value).toBe(seq);
		// Nothing new: nothing read again, nothing written.
		expect(await applyIncoming(ctx)).toBe(0);
	});

	it('skip a row that breaks a unique index here and keep the rest of the batch', async () => {
		await deps.db.orders.add(orderRow('mine', '1001') as never);
		await replica.bulkDocs([fromA(orderRow('theirs', '1001')), fromA(orderRow('o5', '1005'))]);
		expect(await applyIncoming(ctx)).toBe(1);
		expect((await deps.db.orders.toArray()).map((o) => o.id).sort()).toEqual(['mine', 'o5']);
	});

	it('remove a record deleted on another device', async () => {
		await replica.put(fromA(orderRow('o1', '1001')));
		await applyIncoming(ctx);
		const doc = await replica.get('orders:o1');
		await replica.remove(doc);
		expect(await applyIncoming(ctx)).toBe(1);
		expect(await deps.db.orders.get('o1')).toBeUndefined();
	});
});
