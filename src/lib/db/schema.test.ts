import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { openDb } from './db';
import v1Fixture from './fixtures/v1.json';
import { CURRENT_VERSION, declareVersions } from './schema';

function openAt(name: string, version: number): Dexie {
	const db = new Dexie(name);
	declareVersions(db, version);
	return db;
}

const order = {
	id: 'o1',
	number: '1001',
	createdAt: '2026-11-01T10:00:00.000Z',
	buyer: { name: 'Jake Morrison', email: 'jake@example.com' },
	shipTo: {
		name: 'Jake Morrison',
		line1: '1 Main St',
		city: 'Boise',
		state: 'ID',
		postalCode: '83702',
		country: 'US'
	},
	totalCents: 4599,
	state: 'new',
	source: 'demo'
};

describe('schema upgrades keep the data', () => {
	it('opens the current version with every table', async () => {
		const db = openDb(`schema-current-${Math.random()}`);
		await db.open();
		expect(db.verno).toBe(CURRENT_VERSION);
		expect(db.tables.map((t) => t.name).sort()).toEqual(
			[
				'auditLog',
				'brandAliases',
				'catalogBlocks',
				'distributors',
				'feedImports',
				'orderItems',
				'orders',
				'outbox',
				'poLines',
				'purchaseOrders',
				'ruleOverrides',
				'settings',
				'shipments',
				'simulatorState',
				'storePushes',
				'suppressions',
				'warehouses'
			].sort()
		);
		db.close();
	});

	it('v1 → v2: orders and POs survive, old POs get shipState "awaiting" and the new index works', async () => {
		const name = `schema-v1-${Math.random()}`;
		const v1 = openAt(name, 1);
		await v1.table('orders').add(order);
		await v1.table('purchaseOrders').add({
			id: 'po1',
			poNumber: 'RL000001',
			orderId: 'o1',
			distributorId: 'wps',
			state: 'submitted',
			createdAt: '2026-11-01T11:00:00.000Z'
		});
		v1.close();

		const current = openDb(name);
		await current.open();
		expect(current.verno).toBe(CURRENT_VERSION);
		expect(await current.orders.get('o1')).toEqual(order);
		const po = await current.purchaseOrders.get('po1');
		expect(po?.shipState).toBe('awaiting');
		expect(po?.state).toBe('submitted');
		const open = await current.purchaseOrders
			.where({ distributorId: 'wps', shipState: 'awaiting' })
			.toArray();
		expect(open.map((p) => p.poNumber)).toEqual(['RL000001']);
		current.close();
	});
});

describe('schema upgrades from every released version (case 24, STOR-7)', () => {
	it('v1 fixture → current: every row of every table is kept, mid-placement POs keep their state', async () => {
		const name = `schema-fixture-v1-${Math.random()}`;
		const v1 = openAt(name, 1);
		await v1.open();
		for (const [table, rows] of Object.entries(v1Fixture.tables)) {
			await v1.table(table).bulkAdd(rows);
		}
		v1.close();

		const current = openDb(name);
		await current.open();
		expect(current.verno).toBe(CURRENT_VERSION);
		for (const [table, rows] of Object.entries(v1Fixture.tables)) {
			expect(await current.table(table).count(), table).toBe(rows.length);
		}
		expect(await current.orders.toArray()).toEqual(v1Fixture.tables.orders);
		const states = (await current.purchaseOrders.orderBy('poNumber').toArray()).map((p) => [
			p.poNumber,
			p.state,
			p.shipState
		]);
		expect(states).toEqual([
			['RL000001', 'submitting', 'awaiting'],
			['RL000002', 'unknown', 'awaiting'],
			['RL000003', 'confirmed', 'shipped']
		]);
		current.close();
	});

	it('v2 fixture → current: every row kept, and the suppressions table (v3) starts empty', async () => {
		const name = `schema-fixture-v2-${Math.random()}`;
		const v2 = openAt(name, 2);
		await v2.open();
		// Version 2 data: as the v1 fixture after its upgrade, every PO with a shipState.
		const tables: Record<string, unknown[]> = {
			...v1Fixture.tables,
			purchaseOrders: v1Fixture.tables.purchaseOrders.map((po) => ({
				shipState: 'awaiting',
				...po
			}))
		};
		for (const [table, rows] of Object.entries(tables)) await v2.table(table).bulkAdd(rows);
		v2.close();

		const current = openDb(name);
		await current.open();
		expect(current.verno).toBe(CURRENT_VERSION);
		for (const [table, rows] of Object.entries(tables)) {
			expect(await current.table(table).count(), table).toBe(rows.length);
		}
		expect(await current.orders.toArray()).toEqual(tables.orders);
		expect(await current.purchaseOrders.toArray()).toEqual(tables.purchaseOrders);
		expect(
			(await current.purchaseOrders.where('state').anyOf('submitting', 'unknown').toArray()).map(
				(p) => p.poNumber
			)
		).toEqual(['RL000001', 'RL000002']);
		expect(await current.suppressions.count()).toBe(0);
		current.close();
	});

	it('v3 → v4: feed imports are kept and found through the new [distributorId+state] index', async () => {
		const name = `schema-v3-${Math.random()}`;
		const v3 = openAt(name, 3);
		const feed = (id: string, distributorId: string, state: string) => ({
			id,
			distributorId,
			state,
			source: 'feed.csv',
			startedAt: '2026-11-19T11:10:00.000Z',
			rowCount: 1,
			blockCount: 1,
			errorCount: 0
		});
		const rows = [
			feed('f1', 'wps', 'replaced'),
			feed('f2', 'wps', 'complete'),
			feed('f3', 'pu', 'complete')
		];
		await v3.table('feedImports').bulkAdd(rows);
		v3.close();

		const current = openDb(name);
		await current.open();
		expect(current.verno).toBe(CURRENT_VERSION);
		expect(await current.feedImports.orderBy('id').toArray()).toEqual(rows);
		const indexes = current.feedImports.schema.indexes.map((i) => i.name);
		expect(indexes).toContain('[distributorId+state]');
		const complete = await current.feedImports
			.where('[distributorId+state]')
			.equals(['wps', 'complete'])
			.toArray();
		expect(complete.map((f) => f.id)).toEqual(['f2']);
		// The query a feed replacement makes: Dexie no longer warns that it wants the index.
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		const found = await current.feedImports
			.where({ distributorId: 'pu', state: 'complete' })
			.toArray();
		expect(found.map((f) => f.id)).toEqual(['f3']);
		expect(warn.mock.calls.flat().join(' ')).not.toMatch(/compound index/i);
		warn.mockRestore();
		current.close();
	});

	it('v4 → v5: every row kept, and the store pushes table starts empty with its unique shipment key', async () => {
		const name = `schema-v4-${Math.random()}`;
		const v4 = openAt(name, 4);
		await v4.open();
		await v4.table('orders').add(order);
		await v4
			.table('suppressions')
			.add({ address: 'x@example.com', at: order.createdAt, reason: 'bounced' });
		const feed = {
			id: 'f1',
			distributorId: 'wps',
			state: 'complete',
			source: 'feed.csv',
			startedAt: '2026-11-19T11:10:00.000Z',
			rowCount: 1,
			blockCount: 1,
			errorCount: 0
		};
		await v4.table('feedImports').add(feed);
		v4.close();

		const current = openDb(name);
		await current.open();
		expect(current.verno).toBe(CURRENT_VERSION);
		expect(await current.orders.toArray()).toEqual([order]);
		expect(await current.suppressions.count()).toBe(1);
		expect(
			await current.feedImports.where('[distributorId+state]').equals(['wps', 'complete']).toArray()
		).toEqual([feed]);
		expect(await current.storePushes.count()).toBe(0);
		const push = {
			id: 'p1',
			shipmentId: 's1',
			orderId: 'o1',
			storefrontId: 'shopify' as const,
			notifyCustomer: true,
			state: 'queued' as const,
			attempts: 0,
			createdAt: order.createdAt
		};
		await current.storePushes.add(push);
		await expect(current.storePushes.add({ ...push, id: 'p2' })).rejects.toMatchObject({
			name: 'ConstraintError'
		});
		current.close();
	});

	it('an upgrade that throws midway leaves the old version and its rows readable', async () => {
		const name = `schema-failed-upgrade-${Math.random()}`;
		const before = openDb(name);
		await before.open();
		await before.orders.bulkAdd(v1Fixture.tables.orders as never[]);
		await before.purchaseOrders.bulkAdd(v1Fixture.tables.purchaseOrders as never[]);
		before.close();

		const broken = new Dexie(name);
		declareVersions(broken);
		broken
			.version(CURRENT_VERSION + 1)
			.stores({})
			.upgrade(async (tx) => {
				await tx.table('orders').toCollection().modify({ state: 'migrated' });
				throw new Error('upgrader failed halfway');
			});
		await expect(broken.open()).rejects.toThrow(/upgrader failed halfway/);
		broken.close();

		const after = openDb(name);
		await after.open();
		expect(after.verno).toBe(CURRENT_VERSION);
		expect(await after.orders.toArray()).toEqual(v1Fixture.tables.orders);
		expect(await after.purchaseOrders.count()).toBe(3);
		after.close();
	});

	it('a tab on the old version closes for an upgrade elsewhere and never reopens on the old schema', async () => {
		const name = `schema-two-tabs-${Math.random()}`;
		const oldTab = openDb(name);
		await oldTab.orders.add(order as never);
		const newer = new Dexie(name);
		declareVersions(newer);
		newer.version(CURRENT_VERSION + 1).stores({ extra: 'id' });
		// Resolves only because the old connection let go: the upgrade is not blocked.
		await newer.open();
		expect(newer.verno).toBe(CURRENT_VERSION + 1);
		expect(oldTab.isOpen()).toBe(false);
		await expect(oldTab.orders.count()).rejects.toMatchObject({ name: 'DatabaseClosedError' });
		expect(await newer.table('orders').count()).toBe(1);
		newer.close();
	});
});
