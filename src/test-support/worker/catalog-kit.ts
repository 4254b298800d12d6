import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceCatalog } from '$lib/db/writes';
import type { Offer } from '$lib/domain/catalog';
import { syntheticOffers } from '$lib/feeds/synthetic';
import { createApi } from '$lib/worker/api';
import { createTestDeps } from './test-deps';

/** A real feed file from `lib/feeds/fixtures`, as the import dialog hands it to the worker. */
export const feedFixture = (name: string) => ({
	name,
	data: new Uint8Array(readFileSync(join(import.meta.dirname, '../../lib/feeds/fixtures', name)))
});

/** The Parts Unlimited base and dealer price files, imported together. */
export const puFeedFiles = () => [
	feedFixture('pu-BasePriceFile.csv'),
	feedFixture('pu-12345_PriceFile.csv')
];

/** One WPS brake-pad offer; tests change what they look at. */
export function wpsOffer(over: Partial<Offer> = {}): Offer {
	return {
		distributorId: 'wps',
		sku: '15-0174',
		brand: 'EBC',
		mpn: 'FA-213HH',
		description: 'EBC sintered brake pads',
		costCents: 3000,
		stock: { CA: 2 },
		...over
	};
}

/** A worker whose catalog already holds 3,000 seeded PU offers and one WPS offer. */
export async function seededCatalog() {
	const deps = createTestDeps();
	const api = createApi(deps);
	const seed = (id: string, distributorId: Offer['distributorId'], offers: Offer[]) =>
		replaceCatalog(
			deps.db,
			{ id, distributorId, source: 'seed', startedAt: deps.now().toISOString(), errorCount: 0 },
			offers
		);
	await seed('old-pu', 'pu', syntheticOffers(3000, 'pu'));
	await seed('wps-1', 'wps', [wpsOffer()]);
	return { deps, api };
}
