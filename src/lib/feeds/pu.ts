import type { Offer } from '$lib/domain/catalog';
import { findColumn, headerKey, RowReader } from './cells';
import { csvBatches } from './csv-rows';
import { decodeText } from './decode';
import { readTable, type HeaderCheck } from './table-feed';
import type { FeedFile, FeedParse, ParseHooks } from './types';

/**
 * Parts Unlimited's price file (distributors.md §3.5): a zip of BasePriceFile.csv and
 * <DEALER>_PriceFile.csv, joined on Part Number. Warehouse columns are read from the header
 * ("WI Availability" …): PU has added and dropped warehouses before (CA until 2020).
 */

/** "+" in an availability cell means many; one importer counts it as 10 (single witness). */
export const PU_PLUS_QUANTITY = 10;

const NOT_PU = (name: string) =>
	`${name} is not a Parts Unlimited price file: its first line has no “Part Number” column.`;

function isDealerFile(header: readonly string[]): boolean {
	return findColumn(header, 'Your Dealer Price') >= 0 && findColumn(header, 'Part Description') < 0;
}

function firstLine(text: string): string[] {
	for (const batch of csvBatches(text.slice(0, 64 * 1024), ',')) return batch.rows[0] ?? [];
	return [];
}

/** Part Number → your dealer price, in cents. Unreadable prices are left to the base price. */
function dealerPrices(text: string): Map<string, number> {
	const prices = new Map<string, number>();
	const reader = new RowReader([]);
	let part = -1;
	let price = -1;
	for (const batch of csvBatches(text, ',', 4 * 1024 * 1024)) {
		for (const row of batch.rows) {
			if (part < 0) {
				part = findColumn(row, 'Part Number');
				price = findColumn(row, 'Your Dealer Price');
				continue;
			}
			const cents = reader.reset(row).price(price, 'your dealer price', true);
			if (cents !== undefined && !reader.problem) prices.set(reader.text(part), cents);
		}
	}
	return prices;
}

function baseCheck(name: string, dealer: Map<string, number> | null): HeaderCheck {
	return (header) => {
		const col = (...names: string[]) => findColumn(header, ...names);
		const part = col('Part Number');
		if (part < 0) return { refused: NOT_PU(name) };
		const basePrice = col('Base Dealer Price');
		if (basePrice < 0 && !dealer)
			return {
				refused: `${name} has no “Base Dealer Price” column and no dealer price file came with it.`
			};
		const punctuated = col('Punctuated Part Number');
		const vendor = col('Vendor Punctuated Part Number', 'Vendor Part Number');
		const [description, status, msrp] = [
			col('Part Description'),
			col('Part Status'),
			col('Current Suggested Retail', 'Current Suggested Retail (MSRP)')
		];
		const [adPolicy, upc, brand, trademark, fee] = [
			col('Ad Policy'),
			col('UPC Code', 'UPC'),
			col('Brand Name', 'Brand'),
			col('Trademark'),
			col('Dropship Fee', 'Drop Ship Fee', 'DROPSHIP_FEE')
		];
		const warehouses = header
			.map((h, i) => [/^(.+?) availability$/.exec(headerKey(h))?.[1], i] as const)
			.filter((w): w is readonly [string, number] => Boolean(w[0]) && w[0] !== 'national')
			.map(([code, i]) => [code.toUpperCase(), i] as const);
		return {
			map: (row) => {
				const partNo = row.required(part, 'part number');
				const sku = row.text(punctuated) || partNo;
				const fromDealer = dealer?.get(partNo);
				const costCents = fromDealer ?? row.price(basePrice, 'dealer cost', true);
				const msrpCents = row.price(msrp, 'MSRP', false);
				const stock: Record<string, number> = {};
				for (const [code, i] of warehouses)
					stock[code] = row.quantity(i, `${code} availability`, PU_PLUS_QUANTITY);
				if (row.problem || costCents === undefined) return null;
				const offer: Offer = {
					distributorId: 'pu',
					sku,
					brand: row.text(brand) || row.text(trademark),
					mpn: row.text(vendor),
					description: row.text(description),
					costCents,
					stock,
					status: row.text(status) || undefined
				};
				const upcText = row.text(upc);
				if (upcText) offer.upc = upcText;
				if (msrpCents !== undefined) offer.msrpCents = msrpCents;
				// "Ad Policy" Y = the part is under MAP; PU's file carries no MAP price, and dealers
				// treat the suggested retail as the advertised floor (assumption, not confirmed).
				if (row.text(adPolicy).toUpperCase() === 'Y' && msrpCents !== undefined)
					offer.mapCents = msrpCents;
				const feeCents = fee >= 0 ? row.price(fee, 'drop-ship fee', false) : undefined;
				if (feeCents !== undefined) offer.dropShipFeeCents = feeCents;
				return row.problem ? null : offer;
			}
		};
	};
}

export async function parsePu(files: readonly FeedFile[], hooks: ParseHooks): Promise<FeedParse> {
	const texts: { name: string; text: string; header: string[] }[] = [];
	for (const file of files) {
		const decoded = decodeText(file);
		if (!decoded.ok) return { ok: false, refused: decoded.refused };
		texts.push({ name: file.name, text: decoded.text, header: firstLine(decoded.text) });
	}
	const dealerFile = texts.find((t) => isDealerFile(t.header));
	const base = texts.find((t) => t !== dealerFile);
	if (!base) {
		return {
			ok: false,
			refused: 'Only the dealer price file came: add BasePriceFile.csv (or the whole zip).'
		};
	}
	const dealer = dealerFile ? dealerPrices(dealerFile.text) : null;
	const parsed = await readTable(base.text, base.name, ',', baseCheck(base.name, dealer), hooks);
	if (parsed.ok && !dealerFile)
		parsed.notes.push('No dealer price file: dealer cost is PU’s Base Dealer Price.');
	return parsed;
}
