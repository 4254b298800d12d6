import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CouchServer } from '$test-support/worker/couch-server';
import type { FakeDistributor } from '$test-support/worker/fake-distributor';
import {
	dropShip,
	eventually,
	orderOn,
	twoDevices,
	type Device
} from '$test-support/worker/two-devices';

let server: CouchServer;
let fake: FakeDistributor;
let a: Device;
let b: Device;

beforeEach(async () => {
	({ server, fake, a, b } = await twoDevices());
});

afterEach(async () => {
	await a.api.sync.stop({});
	await b.api.sync.stop({});
	await server.close();
});

describe('two devices of one shop, through a CouchDB server', { timeout: 30_000 }, () => {
	it('an order imported on A appears on B', async () => {
		const { orderId } = await orderOn(a, '1009');
		await eventually([a, b], async () => {
			expect(await b.deps.db.orders.get(orderId)).toMatchObject({ number: '1009' });
			expect(await b.deps.db.orderItems.where('orderId').equals(orderId).count()).toBe(1);
			expect(await b.api.sync.status({})).toMatchObject({ value: { phase: 'in_sync' } });
		});
	});

	it('a write this device keeps to itself is never counted as a change waiting', async () => {
		await orderOn(a, '1010');
		await eventually([a], async () => {
			expect(await a.api.sync.status({})).toMatchObject({
				value: { phase: 'in_sync', pending: 0 }
			});
		});
		// A device-local setting (not shared) never reaches the server, so it never waits for it.
		await a.deps.db.settings.put({ key: 'deviceOnlyNote', value: 'counter PC' } as never);
		await a.api.sync.flush({});
		expect(await a.api.sync.status({})).toMatchObject({ value: { pending: 0 } });
	});

	it('the same web order imported on A and on B while apart becomes one order', async () => {
		await a.setOffline(true);
		await b.setOffline(true);
		const onA = await orderOn(a, '1020');
		const onB = await orderOn(b, '1020');
		// The id comes from the store's order number: both devices made the same record.
		expect(onB).toEqual(onA);
		await a.setOffline(false);
		await b.setOffline(false);
		await eventually([a, b], async () => {
			for (const d of [a, b]) {
				expect(await d.deps.db.orders.where('number').equals('1020').count()).toBe(1);
				expect(await d.deps.db.orderItems.where('orderId').equals(onA.orderId).count()).toBe(1);
			}
			const docs = await server.db().allDocs({ startkey: 'orders:', endkey: 'orders:\uffff' });
			expect(docs.rows.map((r) => r.id)).toEqual([`orders:${onA.orderId}`]);
			expect(await b.api.sync.status({})).toMatchObject({ value: { phase: 'in_sync' } });
		});
	});

	it('a PO placed on A, numbered with its device letter, shows its shipment on B', async () => {
		const ids = await orderOn(a, '1010');
		const placed = await dropShip(a, ids);
		expect(placed).toMatchObject({ ok: true, value: { poNumber: 'RLA000001' } });
		if (!placed.ok) return;
		const tracked = await a.api.purchaseOrders.addTracking({
			poId: placed.value.id,
			trackingNumber: '1Z999AA10123456784',
			carrier: 'UPS'
		});
		expect(tracked.ok).toBe(true);
		await eventually([a, b], async () => {
			// Tracking confirms the PO on A; B sees the same.
			expect(await b.deps.db.purchaseOrders.get(placed.value.id)).toMatchObject({
				poNumber: 'RLA000001',
				state: 'confirmed',
				shipState: 'shipped'
			});
			const shipments = await b.deps.db.shipments.where('poId').equals(placed.value.id).toArray();
			expect(shipments.flatMap((s) => s.trackingNumbers)).toEqual(['1Z999AA10123456784']);
		});
	});

	it('A and B drop-ship the same item at once: one distributor order, B told why', async () => {
		const ids = await orderOn(a, '1011');
		await eventually([a, b], async () => {
			expect(await b.deps.db.orderItems.get(ids.itemId)).toBeDefined();
		});
		const [onA, onB] = await Promise.all([dropShip(a, ids), dropShip(b, ids)]);
		expect(fake.orders.size).toBe(1);
		const [winner, loser] = onA.ok ? [onA, onB] : [onB, onA];
		expect(winner.ok).toBe(true);
		const winnerPo = winner.ok ? winner.value.poNumber : '';
		expect(loser).toMatchObject({ ok: false, error: { code: 'conflict' } });
		if (!loser.ok) expect(loser.error.message).toContain(`on PO ${winnerPo}`);
		expect([...fake.orders.keys()]).toEqual([winnerPo]);
	});

	it('B places offline, A places online, B reconnects: one order, B’s PO cancelled naming A’s', async () => {
		const ids = await orderOn(a, '1012');
		await eventually([a, b], async () => {
			expect(await b.deps.db.orderItems.get(ids.itemId)).toBeDefined();
		});
		await b.setOffline(true);
		const waiting = await dropShip(b, ids);
		expect(waiting).toMatchObject({ ok: true, value: { state: 'queued', poNumber: 'RLB000001' } });
		const placed = await dropShip(a, ids);
		expect(placed).toMatchObject({ ok: true, value: { poNumber: 'RLA000001' } });

		await b.setOffline(false);
		expect(await b.api.purchaseOrders.sendWaiting({})).toMatchObject({
			ok: true,
			value: { placed: 0, waiting: 0 }
		});
		expect([...fake.orders.keys()]).toEqual(['RLA000001']);
		const bPo = waiting.ok ? await b.deps.db.purchaseOrders.get(waiting.value.id) : undefined;
		expect(bPo).toMatchObject({ state: 'cancelled' });
		expect(bPo?.lastError?.message).toContain('Device A already ordered this item on PO RLA000001');
		await eventually([a, b], async () => {
			expect(await a.deps.db.purchaseOrders.get(bPo!.id)).toMatchObject({ state: 'cancelled' });
		});
	});

	it('a waiting PO that reached B through sync is sent by the device that claimed it, not by B', async () => {
		const ids = await orderOn(a, '1014');
		server.setDown(true);
		const waiting = await dropShip(a, ids);
		server.setDown(false);
		expect(waiting).toMatchObject({ ok: false, error: { code: 'offline' } });
		const po = await a.deps.db.purchaseOrders.where('orderId').equals(ids.orderId).first();
		await eventually([a, b], async () => {
			expect(await b.deps.db.purchaseOrders.get(po!.id)).toMatchObject({ state: 'queued' });
		});
		// A claimed its items, then its tab closed before the distributor call.
		await server.db().put({
			_id: `claim:item:${ids.itemId}`,
			poId: po!.id,
			poNumber: po!.poNumber,
			device: 'A',
			at: '2026-11-20T15:00:00.000Z'
		});
		expect(await b.api.purchaseOrders.sendWaiting({})).toMatchObject({ value: { placed: 0 } });
		expect(fake.orders.size).toBe(0);
		expect(await b.deps.db.purchaseOrders.get(po!.id)).toMatchObject({ state: 'queued' });
		expect(await a.api.purchaseOrders.sendWaiting({})).toMatchObject({ value: { placed: 1 } });
		expect([...fake.orders.keys()]).toEqual([po!.poNumber]);
		expect(fake.duplicateAttempts).toBe(0);
	});

	it('a claim the server cannot be asked about leaves the PO waiting, sent once it answers', async () => {
		const ids = await orderOn(a, '1013');
		server.setDown(true);
		const placed = await dropShip(a, ids);
		server.setDown(false);
		expect(placed).toMatchObject({ ok: false, error: { code: 'offline' } });
		expect(fake.orders.size).toBe(0);
		expect(await a.deps.db.purchaseOrders.where('state').equals('queued').count()).toBe(1);
		expect(await a.api.purchaseOrders.sendWaiting({})).toMatchObject({ value: { placed: 1 } });
		expect([...fake.orders.keys()]).toEqual(['RLA000001']);
	});
});
