import type { DropshipDb } from '$lib/db/schema';
import { replaceCatalog, writeSettings } from '$lib/db/writes';
import { DEFAULT_SETTINGS } from '$lib/domain/settings';
import { DEMO_DEALER } from '$lib/domain/shop-profile';
import { NewOrderInput } from '$lib/domain/order';
import { demoAccounts, demoOffers, demoOrders, demoWarehouses } from '$lib/mocks/demo-data';
import type { ApiDeps } from '../core/deps';
import { insertOrder } from '../orders/insert';
import { CONNECTION_ROW, sealConnection } from '../storefront/connection';

/**
 * Fills an empty database with the demo dealer. Writes settings last, so a seed interrupted by a
 * reload is simply run again (`isSeeded` reads the settings row).
 */
export async function seedDemo(
	db: DropshipDb,
	deps: Pick<ApiDeps, 'newId' | 'now'>
): Promise<void> {
	const now = deps.now();
	const offers = demoOffers();
	await db.distributors.bulkPut(demoAccounts(now));
	await db.warehouses.bulkPut(demoWarehouses());
	await db.brandAliases.bulkPut([
		{ alias: 'FLY', brand: 'FLY RACING' },
		{ alias: 'MOOSE', brand: 'MOOSE RACING' },
		{ alias: 'DID', brand: 'D.I.D' },
		{ alias: 'HIFLO', brand: 'HIFLOFILTRO' }
	]);
	const morning = new Date(now);
	morning.setUTCHours(11, 10, 0, 0); // 06:10 in the Mountain time zone: the feeds' usual hour.
	if (morning > now) morning.setUTCDate(morning.getUTCDate() - 1);
	for (const distributorId of ['wps', 'pu', 'tucker', 'automatic'] as const) {
		await replaceCatalog(
			db,
			{
				id: `demo-${distributorId}`,
				distributorId,
				source: 'Demo feed',
				startedAt: morning.toISOString(),
				finishedAt: morning.toISOString(),
				errorCount: 0
			},
			offers.filter((o) => o.distributorId === distributorId)
		);
	}
	for (const order of demoOrders(offers, now)) {
		await insertOrder(db, deps, NewOrderInput.parse(order));
	}
	await writeSettings(db, { ...DEFAULT_SETTINGS, mode: 'demo', dealer: { ...DEMO_DEALER } });
}

export async function isSeeded(db: DropshipDb): Promise<boolean> {
	return (await db.settings.get('app')) !== undefined;
}

/** Empties every table (the simulator state too), but keeps this browser's secret key. */
export async function clearAll(db: DropshipDb): Promise<void> {
	await db.transaction('rw', db.tables, async () => {
		await Promise.all(db.tables.filter((t) => t.name !== 'settings').map((table) => table.clear()));
		await db.settings.where('key').notEqual('secretKey').delete();
	});
}

/** The demo shop's web store: a Shopify shop in the simulator, telling its buyers itself. */
export const DEMO_STORE = {
	storefrontId: 'shopify' as const,
	credentials: { shop: 'ridge-line.myshopify.com', accessToken: 'shpat_demo_ridgeline_0000' },
	notifier: 'store' as const
};

/** Connects the demo's Shopify shop, its token sealed; left unconnected while secrets are locked. */
export async function connectDemoStore(deps: ApiDeps): Promise<void> {
	const sealed = await sealConnection(deps, DEMO_STORE, null);
	if (sealed.ok) await deps.db.settings.put({ key: CONNECTION_ROW, value: sealed.value });
}
