import type { Offer } from '$lib/domain/catalog';

/**
 * Each distributor's feed file written from the simulator's catalog, in the layout its parser
 * reads (feeds/): Tucker's fixed-width item master and inventory list, PU's price-file CSVs,
 * Automatic's CSV. The demo's "morning feed" is the simulated distributors' stock of this
 * moment, so a demo dealer sees the parts that sold out since the seed.
 */
const money = (cents: number) => (cents / 100).toFixed(2);
const csvCell = (text: string) => (/[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** Pads or cuts to exactly `width` characters. */
const fixed = (text: string, width: number) => text.slice(0, width).padEnd(width, ' ');
const price8 = (cents: number) => String(Math.round(cents)).padStart(8, '0');

/** distributors.md §4.2: positions 1–6 item … 296–325 vendor part number. */
export function tuckerItemMaster(offers: readonly Offer[]): string {
	return offers
		.map((o) =>
			[
				fixed(o.sku, 6),
				fixed(o.description, 30),
				o.status === 'D' || o.status === 'C' ? o.status : ' ',
				'N',
				price8(o.costCents),
				price8(o.costCents),
				'EA',
				price8(o.msrpCents ?? 0),
				'EA',
				fixed('1', 6),
				' '.repeat(74), // weight … category … subcategory (73–146)
				fixed(o.brand, 30),
				' '.repeat(119), // model, colours, size (177–295)
				fixed(o.mpn, 30)
			].join('')
		)
		.join('\r\n')
		.concat('\r\n');
}

const TUCKER_DCS = ['TX', 'PA', 'OR', 'CO', 'FL', 'IL', '', 'CA'];

export function tuckerInventory(offers: readonly Offer[]): string {
	return offers
		.map(
			(o) =>
				fixed(o.sku, 6) +
				TUCKER_DCS.map((dc) => (dc ? String(Math.min(9, o.stock[dc] ?? 0)) : ' ')).join('')
		)
		.join('\r\n')
		.concat('\r\n');
}

const PU_WAREHOUSES = ['WI', 'NY', 'TX', 'NV', 'NC'];

/** BasePriceFile.csv and <dealer>_PriceFile.csv (distributors.md §3.5). */
export function puPriceFiles(offers: readonly Offer[]): { base: string; dealer: string } {
	const head = [
		'Part Number',
		'Punctuated Part Number',
		'Vendor Punctuated Part Number',
		'Part Status',
		'Part Description',
		'Current Suggested Retail',
		'Base Dealer Price',
		...PU_WAREHOUSES.map((w) => `${w} Availability`),
		'Ad Policy',
		'UPC Code',
		'Brand Name',
		'Dropship Fee'
	];
	const base = [head.map((h) => `"${h}"`).join(',')];
	const dealer = ['Part Number,Punctuated Part Number,Your Dealer Price'];
	for (const o of offers) {
		const plain = o.sku.replace(/-/g, '');
		base.push(
			[
				plain,
				o.sku,
				o.mpn,
				'S',
				o.description,
				money(o.msrpCents ?? 0),
				money(Math.round(o.costCents * 1.04)),
				...PU_WAREHOUSES.map((w) => String(o.stock[w] ?? 0)),
				'N',
				o.upc ?? '',
				o.brand,
				money(o.dropShipFeeCents ?? 0)
			]
				.map(csvCell)
				.join(',')
		);
		dealer.push([plain, o.sku, money(o.costCents)].join(','));
	}
	return { base: base.join('\r\n') + '\r\n', dealer: dealer.join('\r\n') + '\r\n' };
}

/** The columns of Automatic's demo CSV; the demo seeds this mapping (shape invented, §5.3). */
export const AUTOMATIC_DEMO_COLUMNS = {
	sku: 'Item #',
	cost: 'Your Cost',
	mpn: 'Mfg Part',
	brand: 'Manufacturer',
	upc: 'UPC',
	description: 'Description',
	msrp: 'Retail',
	stock: [{ column: 'Qty Main', warehouse: 'MAIN' }]
};

export function automaticCsv(offers: readonly Offer[]): string {
	const lines = ['Item #,Mfg Part,Manufacturer,Description,Your Cost,Retail,Qty Main,UPC'];
	for (const o of offers)
		lines.push(
			[
				o.sku,
				o.mpn,
				o.brand,
				o.description,
				money(o.costCents),
				money(o.msrpCents ?? 0),
				String(o.stock.MAIN ?? 0),
				o.upc ?? ''
			]
				.map(csvCell)
				.join(',')
		);
	return lines.join('\r\n') + '\r\n';
}
