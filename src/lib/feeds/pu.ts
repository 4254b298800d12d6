import { OfferRow } from '$lib/domain/offer-row';
import { findColumn, headerKey, RowReader } from './cells';
import { csvBatches, csvPieces, type OnCsvRow } from './csv-rows';
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
	const onRow: OnCsvRow = (row) => {
		if (part < 0) {
			part = findColumn(row, 'Part Number');
			price = findColumn(row, 'Your Dealer Price');
			return;
		}
		const cents = reader.reset(row).price(price, 'your dealer price', true);
		if (cents !== undefined && !reader.problem) prices.set(reader.text(part), cents);
	};
	for (const piece of csvPieces(text, ',', onRow, 4 * 1024 * 1024)) void piece;
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
		const out = new OfferRow(
			'pu',
			warehouses.map(([code]) => code)
		);
		// Per warehouse column, in header order: its slot in the row's stock and its problem label
		// (made once here, not once per row).
		const stock = warehouses.map(([code, i]) => ({
			column: i,
			slot: out.slot(code),
			label: `${code} availability`
		}));
		return {
			row: out,
			map: (row, offer) => {
				const partNo = row.required(part, 'part number');
				offer.sku = row.text(punctuated) || partNo;
				const fromDealer = dealer?.get(partNo);
				const costCents = fromDealer ?? row.price(basePrice, 'dealer cost', true);
				const msrpCents = row.price(msrp, 'MSRP', false);
				for (const { column, slot, label } of stock)
					offer.stock[slot] = row.quantity(column, label, PU_PLUS_QUANTITY);
				if (row.problem || costCents === undefined) return false;
				offer.costCents = costCents;
				offer.brand = row.text(brand) || row.text(trademark);
				offer.mpn = row.text(vendor);
				offer.description = row.text(description);
				offer.status = row.text(status) || undefined;
				offer.upc = row.text(upc) || undefined;
				offer.msrpCents = msrpCents;
				// "Ad Policy" Y = the part is under MAP; PU's file carries no MAP price, and dealers
				// treat the suggested retail as the advertised floor (assumption, not confirmed).
				if (row.text(adPolicy).toUpperCase() === 'Y') offer.mapCents = msrpCents;
				if (fee >= 0) offer.dropShipFeeCents = row.price(fee, 'drop-ship fee', false);
				return !row.problem;
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
