import type { Offer } from '$lib/domain/catalog';
import type { DistributorId } from '$lib/domain/distributor';
import { seededRandom } from '$lib/domain/seeded-random';

/**
 * Big, believable feeds for the atomic-replacement test and the benchmark: seeded, so a run is
 * repeatable. Part numbers are generated; none is a real distributor's number.
 */

const BRANDS = [
	'Fly Racing',
	'EBC',
	'Moose Racing',
	'Pro Taper',
	'K&N',
	'Renthal',
	'Motion Pro',
	'All Balls Racing',
	'Shinko',
	'Dunlop',
	'Maxima',
	'Bel-Ray',
	'NGK',
	'Yuasa',
	'Kenda',
	'Barnett',
	'Hinson',
	'Polisport',
	'Acerbis',
	'Cycra',
	'Twin Air',
	'Vortex',
	'Tusk',
	'Cometic'
];
const KINDS = [
	'brake pads',
	'air filter',
	'chain',
	'sprocket',
	'grips',
	'handlebar',
	'clutch kit',
	'gasket set',
	'oil filter',
	'spark plug',
	'battery',
	'tire',
	'tube',
	'bearing kit',
	'seal kit',
	'lever',
	'mirror',
	'fender',
	'graphics kit',
	'hand guards',
	'skid plate',
	'radiator hose'
];
const VARIANTS = [
	'front',
	'rear',
	'black',
	'red',
	'blue',
	'sintered',
	'organic',
	'520',
	'428',
	'13T',
	'48T',
	'OEM style',
	'heavy duty',
	'race',
	'standard',
	'XL',
	'kit'
];

const pick = <T>(r: () => number, list: readonly T[]): T =>
	list[Math.floor(r() * list.length)] as T;
const digits = (r: () => number, n: number) =>
	Array.from({ length: n }, () => Math.floor(r() * 10)).join('');

export interface SyntheticProduct {
	brand: string;
	mpn: string;
	upc: string;
	description: string;
	costCents: number;
}

/** Product `i` is the same part for every distributor: that is what matching must find. */
export function syntheticProduct(i: number, seed = 7): SyntheticProduct {
	const r = seededRandom(seed * 1_000_003 + i);
	const brand = pick(r, BRANDS);
	const kind = pick(r, KINDS);
	return {
		brand,
		mpn: `${brand
			.replace(/[^A-Z]/gi, '')
			.slice(0, 3)
			.toUpperCase()}-${i.toString(36).toUpperCase()}-${digits(r, 3)}`,
		upc: `0${70_000_000_000 + i * 7}`,
		description: `${brand} ${kind} ${pick(r, VARIANTS)} ${pick(r, VARIANTS)}`,
		costCents: 300 + Math.floor(r() * 40000)
	};
}

const PREFIX: Record<DistributorId, string> = { wps: '', pu: '', tucker: '', automatic: 'A' };

export function syntheticOffers(count: number, distributorId: DistributorId, offset = 0): Offer[] {
	const offers: Offer[] = [];
	for (let i = 0; i < count; i++) {
		const p = syntheticProduct(i + offset);
		const n = String(1_000_000 + i);
		offers.push({
			distributorId,
			sku: `${PREFIX[distributorId]}${n.slice(1, 5)}-${n.slice(5)}`,
			brand: p.brand,
			mpn: p.mpn,
			upc: distributorId === 'tucker' ? undefined : p.upc,
			description: p.description,
			costCents: p.costCents,
			msrpCents: Math.round(p.costCents * 1.4),
			stock: { A: i % 7, B: i % 3 },
			status: 'S'
		});
	}
	return offers;
}

export const PU_BASE_HEADER = [
	'Part Number',
	'Punctuated Part Number',
	'Vendor Part Number',
	'Vendor Punctuated Part Number',
	'Part Status',
	'Part Description',
	'Original Retail',
	'Current Suggested Retail',
	'Base Dealer Price',
	'Hazardous Code',
	'Truck Part Only',
	'Part Add Date',
	'WI Availability',
	'NY Availability',
	'TX Availability',
	'NV Availability',
	'NC Availability',
	'National Availability',
	'Trademark',
	'Ad Policy',
	'Price Changed Today',
	'Unit of Measure',
	'UPC Code',
	'Brand Name'
];

const money = (cents: number) => (cents / 100).toFixed(2);

/**
 * A PU BasePriceFile.csv of `rows` parts (about 100 bytes a row); a quarter of the rows have
 * quoted descriptions with commas. `badEvery` > 0 puts an "N/A" dealer price on every n-th row.
 */
export function syntheticPuBaseCsv(rows: number, options: { badEvery?: number } = {}): string {
	const lines = [PU_BASE_HEADER.map((h) => `"${h}"`).join(',')];
	for (let i = 0; i < rows; i++) {
		const p = syntheticProduct(i);
		const n = String(10_000_000 + i);
		const quoted = i % 4 === 0 ? `"${p.description}, ${i % 9}pc"` : p.description;
		const cost = options.badEvery && i % options.badEvery === 0 ? 'N/A' : money(p.costCents);
		const a = (k: number) => (i % (k + 3) === 0 ? '+' : String((i * k) % 12));
		lines.push(
			[
				n.slice(1),
				`${n.slice(1, 5)}-${n.slice(5)}`,
				p.mpn,
				p.mpn,
				'S',
				quoted,
				money(p.costCents * 1.5),
				money(p.costCents * 1.45),
				cost,
				'',
				'',
				'20240115',
				a(1),
				a(2),
				a(3),
				a(4),
				a(5),
				'+',
				'',
				i % 5 === 0 ? 'Y' : 'N',
				'N',
				'EA',
				p.upc,
				p.brand
			].join(',')
		);
	}
	return lines.join('\r\n') + '\r\n';
}
