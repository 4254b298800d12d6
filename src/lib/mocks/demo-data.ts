import type { DistributorAccount } from '$lib/domain/account';
import type { Offer } from '$lib/domain/catalog';
import { DISTRIBUTORS, type DistributorId } from '$lib/domain/distributor';
import type { NewOrderInput } from '$lib/domain/order';
import { KNOWN_WAREHOUSES, type Warehouse } from '$lib/domain/rules';
import { DEMO_BRANDS, DEMO_BUYERS, DEMO_PART_KINDS } from './demo-parts';
import { AUTOMATIC_UNCONFIRMED } from '$lib/distributors/automatic/constants';
import { seededRandom } from '$lib/simulator/simulator';

/**
 * The believable dealer of demo mode, generated from a seed so every first start (and every test)
 * sees the same shop: a catalog of a few thousand parts at four distributors, two weeks of web
 * orders, warehouses with rules, and obviously fake credentials.
 */
export const DEMO_SEED = 20261126;

const WAREHOUSE_CODES: Record<DistributorId, string[]> = {
	wps: ['ID', 'CA', 'GA', 'IN', 'PA', 'PA2', 'TX'],
	pu: ['WI', 'NY', 'TX', 'NV', 'NC'],
	tucker: ['TX', 'PA', 'OR', 'CO', 'FL', 'IL', 'CA'],
	automatic: ['MAIN']
};

/** Per-warehouse caps the distributors apply to what they show (WPS 25, Tucker 9). */
const STOCK_CAP: Record<DistributorId, number> = { wps: 25, pu: 99, tucker: 9, automatic: 99 };

export interface DemoProduct {
	brand: string;
	mpn: string;
	upc: string;
	description: string;
	costCents: number;
	msrpCents: number;
}

function pick<T>(random: () => number, items: readonly T[]): T {
	return items[Math.floor(random() * items.length)] as T;
}

function digits(random: () => number, n: number): string {
	let s = '';
	for (let i = 0; i < n; i++) s += Math.floor(random() * 10);
	return s;
}

function skuFor(distributorId: DistributorId, random: () => number): string {
	switch (distributorId) {
		case 'wps':
			return `${Math.floor(random() * 89) + 10}-${digits(random, 4)}`;
		case 'pu':
			return `${digits(random, 4)}-${digits(random, 4)}`;
		case 'tucker':
			return digits(random, 6);
		case 'automatic':
			return `A${digits(random, 7)}`;
	}
}

export function demoProducts(count = 1800, seed = DEMO_SEED): DemoProduct[] {
	const random = seededRandom(seed);
	const products: DemoProduct[] = [];
	for (let i = 0; i < count; i++) {
		const kind = pick(random, DEMO_PART_KINDS);
		const brand = pick(random, DEMO_BRANDS);
		const variant = pick(random, kind.variants);
		const cost = kind.cost[0] + random() * (kind.cost[1] - kind.cost[0]);
		const costCents = Math.round(cost * 100);
		products.push({
			brand,
			mpn: `${brand
				.replace(/[^A-Z]/gi, '')
				.slice(0, 3)
				.toUpperCase()}-${digits(random, 3)}-${digits(random, 4)}`,
			upc: `0${digits(random, 11)}`,
			description: `${brand} ${kind.name} ${variant}`,
			costCents,
			msrpCents: Math.round((costCents * (1.35 + random() * 0.3)) / 5) * 5 - 5
		});
	}
	return products;
}

/** Each product at one to three distributors, with per-warehouse stock as this morning's feed has it. */
export function demoOffers(products = demoProducts(), seed = DEMO_SEED): Offer[] {
	const random = seededRandom(seed + 1);
	const ids: DistributorId[] = ['wps', 'pu', 'tucker', 'automatic'];
	const offers: Offer[] = [];
	products.forEach((product, index) => {
		const carried = ids.filter((id) => random() < (id === 'automatic' ? 0.25 : 0.55));
		if (carried.length === 0) carried.push(ids[index % 3] as DistributorId);
		for (const distributorId of carried) {
			const stock: Record<string, number> = {};
			const isOut = random() < 0.12;
			for (const code of WAREHOUSE_CODES[distributorId]) {
				const qty = isOut || random() < 0.4 ? 0 : Math.floor(random() * 30);
				stock[code] = Math.min(qty, STOCK_CAP[distributorId]);
			}
			const spread = 0.92 + random() * 0.16;
			offers.push({
				distributorId,
				sku: skuFor(distributorId, random),
				brand: product.brand,
				mpn: product.mpn,
				upc: distributorId === 'tucker' ? undefined : product.upc,
				description: product.description,
				costCents: Math.round(product.costCents * spread),
				msrpCents: product.msrpCents,
				dropShipFeeCents: distributorId === 'pu' ? 700 : undefined,
				stock,
				status: 'STK'
			});
		}
	});
	return offers;
}

/**
 * The simulators' live stock: the feed is a morning snapshot, so a few parts have sold out since.
 * That is what the live check before placing catches.
 */
export function demoLiveOffers(offers: readonly Offer[], seed = DEMO_SEED): Offer[] {
	const random = seededRandom(seed + 2);
	return offers.map((offer) =>
		random() < 0.06
			? { ...offer, stock: Object.fromEntries(Object.keys(offer.stock).map((code) => [code, 0])) }
			: offer
	);
}

export function demoWarehouses(): Warehouse[] {
	const leadTimes: Record<string, number> = { 'wps:PA2': 3, 'tucker:OR': 2, 'pu:NV': 2 };
	const cutoffs: Record<DistributorId, number> = {
		wps: 100,
		pu: 2500,
		tucker: 1000,
		automatic: 5000
	};
	return KNOWN_WAREHOUSES.map((w) => {
		const id = `${w.distributorId}:${w.code}`;
		return { ...w, id, leadTimeDays: leadTimes[id] ?? 1, cutoffCents: cutoffs[w.distributorId] };
	});
}

/** Obviously fake credentials: the simulators accept them, no real distributor would. */
export function demoAccounts(now: Date): DistributorAccount[] {
	const updatedAt = now.toISOString();
	// The demo dealer's accounts are fully set up: the Dropship dialog warns only after the
	// dealer unticks one in Settings › Order automation.
	return [
		{
			id: 'wps',
			isEnabled: true,
			credentials: { apiToken: 'demo-wps-token-0000' },
			prerequisitesDone: [...DISTRIBUTORS.wps.prerequisites],
			updatedAt
		},
		{
			id: 'pu',
			isEnabled: true,
			credentials: { dealerNumber: '10001', apiKey: 'DEMOKEY-0000000-0000000-0000000' },
			prerequisitesDone: [...DISTRIBUTORS.pu.prerequisites],
			updatedAt
		},
		{
			id: 'tucker',
			isEnabled: true,
			credentials: { customerNumber: '100001', apiKey: 'DEMOTUCKERKEY000000000000000' },
			prerequisitesDone: [...DISTRIBUTORS.tucker.prerequisites],
			updatedAt
		},
		{
			id: 'automatic',
			isEnabled: true,
			credentials: {
				apiToken: 'demo-automatic-token-0000',
				apiBaseUrl: AUTOMATIC_UNCONFIRMED.simBaseUrl
			},
			prerequisitesDone: [...DISTRIBUTORS.automatic.prerequisites],
			updatedAt
		}
	];
}

/** Two weeks of web orders, 1–4 items each, bought from the demo catalog. */
export function demoOrders(
	offers: readonly Offer[],
	now: Date,
	count = 28,
	seed = DEMO_SEED
): NewOrderInput[] {
	const random = seededRandom(seed + 3);
	const orders: NewOrderInput[] = [];
	for (let i = 0; i < count; i++) {
		const [name, city, state, postalCode, line1] =
			DEMO_BUYERS[i % DEMO_BUYERS.length] ?? DEMO_BUYERS[0];
		const createdAt = new Date(
			now.getTime() - (14 * 24 * 3_600_000 * (count - i)) / count - random() * 3_600_000
		);
		const itemCount = 1 + Math.floor(random() * 3.5);
		const items = [];
		for (let n = 0; n < itemCount; n++) {
			const offer = pick(random, offers);
			// Storefronts list parts under the dealer-tool SKU (PU2103-0174) or the MPN.
			const prefix = { wps: 'WP', pu: 'PU', tucker: 'TR', automatic: 'AU' }[offer.distributorId];
			items.push({
				title: offer.description,
				sku: random() < 0.6 ? `${prefix}${offer.sku}` : offer.mpn,
				brand: offer.brand,
				mpn: offer.mpn,
				upc: offer.upc,
				quantity: random() < 0.8 ? 1 : 2,
				unitPriceCents: offer.msrpCents ?? Math.round(offer.costCents * 1.4)
			});
		}
		const email = `${name
			.toLowerCase()
			.replace(/[^a-z]+/g, '.')
			.replace(/\.$/, '')}@example.com`;
		orders.push({
			number: String(1001 + i),
			createdAt: createdAt.toISOString(),
			buyer: { name, email },
			shipTo: { name, line1, city, state, postalCode, country: 'US' },
			items,
			source: 'demo'
		});
	}
	return orders;
}
