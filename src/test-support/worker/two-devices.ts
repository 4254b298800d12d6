import { vi } from 'vitest';
import { openDb } from '$lib/db/db';
import { createApi } from '../../lib/worker/api';
import type { ApiDeps } from '../../lib/worker/core/deps';
import { startCouchServer, type CouchServer } from './couch-server';
import { CODY_SHIP_TO, setUpRidgeLine } from './dealer-fixture';
import { FakeDistributor } from './fake-distributor';
import { memorySyncEngine } from './memory-sync-engine';
import { PouchDB, remoteOptions } from '../../lib/worker/sync/engine';
import { createTestDeps } from './test-deps';

export interface Device {
	letter: string;
	deps: ApiDeps;
	api: ReturnType<typeof createApi>;
	/** Cuts this device off (its browser offline, its sync requests failing) or reconnects it. */
	setOffline: (isOffline: boolean) => Promise<void>;
}

/**
 * Two devices of dealer "Ridge Line" (PO prefix RL) on separate fake-indexeddb databases, one
 * CouchDB-protocol server in this process, one fake distributor behind both (it counts what was
 * really ordered). Each device has its own Parts Unlimited account row (credentials never
 * travel in the clear). Sync is on for both. Only tests import this.
 */
export async function twoDevices() {
	const server = await startCouchServer();
	const fake = new FakeDistributor();
	const a = await device('A', server, fake);
	const b = await device('B', server, fake);
	return { server, fake, a, b };
}

/** A device; pass `dbName` to start a device again on the database it had (a restart). */
export async function device(
	letter: string,
	server: CouchServer,
	fake: FakeDistributor,
	dbName?: string
): Promise<Device> {
	let ids = 0;
	let isOffline = false;
	const deps = createTestDeps({
		adapters: (id) => fake.adapter(id),
		sync: {
			...memorySyncEngine,
			openRemote: async (url, auth) =>
				new PouchDB(url, {
					...remoteOptions(auth),
					fetch: (input, init) =>
						isOffline
							? Promise.reject(new TypeError('Failed to fetch (device offline)'))
							: PouchDB.fetch(input, init)
				})
		},
		newId: () => `${letter}${++ids}-${Math.random().toString(36).slice(2, 8)}`,
		...(dbName ? { db: openDb(dbName) } : {})
	});
	const api = createApi(deps);
	if (!dbName) {
		await setUpRidgeLine(deps);
	}
	const on = await api.sync.configure({
		isOn: true,
		url: server.urlFor(letter),
		dbName: server.dbName,
		deviceLetter: letter
	});
	if (!on.ok) throw new Error(on.error.message);
	const setOffline = async (offline: boolean) => {
		isOffline = offline;
		await api.system.setOnline({ isOnline: !offline });
	};
	return { letter, deps, api, setOffline };
}

/** Waits (flushing both devices) until `check` passes; fails after 15 s. */
export async function eventually(devices: readonly Device[], check: () => Promise<void>) {
	await vi.waitFor(
		async () => {
			for (const d of devices) await d.api.sync.flush({});
			await check();
		},
		{ timeout: 15_000, interval: 50 }
	);
}

/** Web order `number` for Cody with one item on device `d`; returns the order and item ids. */
export async function orderOn(d: Device, number: string) {
	const created = await d.api.orders.create({
		number,
		buyer: { name: 'Cody Walters', email: 'cody@example.com' },
		shipTo: CODY_SHIP_TO,
		items: [{ title: 'EBC Brake Pads', sku: 'PU1721-2440', quantity: 2, unitPriceCents: 3995 }]
	});
	if (!created.ok) throw new Error(created.error.message);
	return { orderId: created.value.id, itemId: `${created.value.id}-1` };
}

/** Drop-ships the order's item at Parts Unlimited from device `d`. */
export function dropShip(d: Device, ids: { orderId: string; itemId: string }) {
	return d.api.purchaseOrders.place({
		orderId: ids.orderId,
		distributorId: 'pu',
		shipTo: CODY_SHIP_TO,
		lines: [{ orderItemId: ids.itemId, sku: '1721-2440', quantity: 2, unitCostCents: 2210 }]
	});
}
