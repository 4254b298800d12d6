import type { Offer } from '$lib/domain/catalog';
import type { DistributorId } from '$lib/domain/distributor';
import { seededRandom } from '$lib/simulator/simulator';

/**
 * The soak's parts: each product sold in the web store is carried by two to four distributors under
 * their own SKU (the shapes the simulators know), with plenty of stock at most and little at some,
 * so a live stock check can refuse and a PU order can go on backorder.
 */
export interface SoakProduct {
	/** The web store's SKU, as it appears on orders. */
	sku: string;
	title: string;
	priceCents: number;
	offers: Offer[];
}

const WAREHOUSE: Record<DistributorId, string> = {
	wps: 'CA',
	pu: 'WI',
	tucker: 'TX',
	automatic: 'MAIN'
};

function distributorSku(id: DistributorId, n: number): string {
	const nn = String(n).padStart(2, '0');
	if (id === 'wps') return `87-43${nn}`;
	if (id === 'pu') return `1401-11${nn}`;
	if (id === 'tucker') return `1609${nn}`;
	return `A10000${nn}`;
}

const ORDER: readonly DistributorId[] = ['wps', 'pu', 'tucker', 'automatic'];

export function soakProducts(seed: number, count = 12): SoakProduct[] {
	const random = seededRandom(seed ^ 0x5eed);
	return Array.from({ length: count }, (_, n) => {
		const carriers = ORDER.filter((_, i) => i === n % 4 || random() < 0.5);
		const costCents = 1500 + Math.floor(random() * 8000);
		return {
			sku: `SOAK-${n + 10}`,
			title: `Soak part ${n + 10}`,
			priceCents: costCents * 2,
			offers: carriers.map((distributorId) => ({
				distributorId,
				sku: distributorSku(distributorId, n + 10),
				brand: 'Moose Racing',
				mpn: `M-${n + 10}`,
				description: `Soak part ${n + 10}`,
				costCents,
				msrpCents: costCents * 2,
				// One offer in five runs low: a quantity of 3 or more finds it short.
				stock: { [WAREHOUSE[distributorId]]: random() < 0.2 ? 2 : 100_000 }
			}))
		};
	});
}
