import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb } from './db';
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
		expect(current.verno).toBe(2);
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
