import type { DistributorId } from '$lib/domain/distributor';
import { OfferRow } from '$lib/domain/offer-row';
import { findColumn, headerKey } from './cells';
import { detectDelimiter } from './csv-rows';
import { decodeText } from './decode';
import { readTable } from './table-feed';
import type { ColumnMapping, FeedFile, FeedParse, ParseHooks } from './types';

/**
 * Any CSV with a header (Automatic's feed, whose layout is not public, and any other source):
 * the dealer maps columns once on the mapping screen, and the mapping is remembered.
 */

/**
 * A header as a guess compares it: exports spell one column many ways ("MFG Part #", "Mfr. Part
 * No.", "MFG_PART_NUMBER", "Manufacturer Part Num"), so punctuation goes, the number words become
 * "number" and the manufacturer abbreviations become "mfr". Only for guessing: a saved mapping names
 * the column exactly as the file has it.
 */
export function guessKey(name: string): string {
	return headerKey(name)
		.replace(/[_.\-/]+/g, ' ')
		.replace(/#/g, ' number ')
		.replace(/\b(no|num|nbr|number)\b/g, 'number')
		.replace(/\b(mfg|mfr|manuf|manufacturer|manufacturers|manufacturer's)\b/g, 'mfr')
		.replace(/\s+/g, ' ')
		.trim();
}

/** A first guess at the mapping from common header names. */
export function suggestMapping(header: readonly string[]): ColumnMapping {
	const keys = header.map(guessKey);
	const pick = (...names: string[]) => {
		for (const name of names) {
			const i = keys.indexOf(guessKey(name));
			if (i >= 0) return header[i];
		}
		return undefined;
	};
	const stock = header
		.filter((h) => /(qty|quantity|stock|avail|inventory|on hand)/i.test(h))
		.map((column) => ({
			column,
			warehouse:
				headerKey(column)
					.replace(/(qty|quantity|stock|availability|available|avail|inventory|on hand|_|-)/g, ' ')
					.trim()
					.toUpperCase() || 'MAIN'
		}));
	return {
		sku: pick('sku', 'item', 'item #', 'item number', 'part number', 'part #', 'item_num') ?? '',
		cost:
			pick('cost', 'your cost', 'dealer cost', 'dealer price', 'your price', 'price', 'net') ?? '',
		mpn: pick(
			'mpn',
			'mfr part number',
			'mfr part',
			'mfr number',
			'vendor part number',
			'vendor part',
			'mfr sku'
		),
		brand: pick('brand', 'manufacturer', 'mfg', 'vendor', 'brand name'),
		upc: pick('upc', 'upc code', 'gtin', 'ean'),
		description: pick('description', 'name', 'title', 'item description'),
		msrp: pick('msrp', 'retail', 'list price', 'suggested retail'),
		map: pick('map', 'map price', 'mapp'),
		fee: pick('drop ship fee', 'dropship fee', 'ds fee'),
		status: pick('status'),
		stock
	};
}

/** A mapped warehouse as stock is keyed: upper case, MAIN when left blank. */
const warehouseCode = (name: string) => name.trim().toUpperCase() || 'MAIN';

export async function parseGeneric(
	files: readonly FeedFile[],
	distributorId: DistributorId,
	mapping: ColumnMapping,
	hooks: ParseHooks
): Promise<FeedParse> {
	const file = files[0];
	if (!file) return { ok: false, refused: 'No file was given.' };
	const decoded = decodeText(file);
	if (!decoded.ok) return { ok: false, refused: decoded.refused };
	return readTable(
		decoded.text,
		file.name,
		detectDelimiter(decoded.text),
		(header) => {
			const col = (name: string | undefined) => (name ? findColumn(header, name) : -1);
			// The named fields in the order they are read below; the stock columns follow them.
			const named = [
				mapping.sku,
				mapping.cost,
				mapping.mpn,
				mapping.brand,
				mapping.upc,
				mapping.description,
				mapping.msrp,
				mapping.map,
				mapping.fee,
				mapping.status
			];
			const missing = [...named, ...mapping.stock.map((s) => s.column)].filter(
				(name) => name && col(name) < 0
			);
			if (!mapping.sku || !mapping.cost)
				return { refused: 'Choose the SKU and the dealer cost columns first.' };
			if (missing.length > 0)
				return {
					refused: `${file.name} has no column ${missing.map((m) => `“${m}”`).join(', ')}: is it the right file?`
				};
			const [sku, cost, mpn, brand, upc, description, msrp, map, fee, status] = named.map(
				col
			) as number[] as [
				number,
				number,
				number,
				number,
				number,
				number,
				number,
				number,
				number,
				number
			];
			const out = new OfferRow(
				distributorId,
				mapping.stock.map((s) => warehouseCode(s.warehouse))
			);
			// Per stock column: its warehouse's slot (two columns may add up in one warehouse) and
			// its problem label, made once here rather than once per row.
			const stock = mapping.stock.map((s) => {
				const code = warehouseCode(s.warehouse);
				return { column: col(s.column), slot: out.slot(code), label: `${code} stock` };
			});
			return {
				row: out,
				map: (row, offer) => {
					offer.sku = row.required(sku, 'SKU');
					offer.brand = row.text(brand);
					offer.mpn = row.text(mpn);
					offer.description = row.text(description);
					offer.costCents = row.price(cost, 'dealer cost', true) ?? 0;
					for (const { column, slot, label } of stock)
						offer.stock[slot] = (offer.stock[slot] as number) + row.quantity(column, label, 10);
					offer.msrpCents = msrp >= 0 ? row.price(msrp, 'MSRP', false) : undefined;
					offer.mapCents = map >= 0 ? row.price(map, 'MAP', false) : undefined;
					offer.dropShipFeeCents = fee >= 0 ? row.price(fee, 'drop-ship fee', false) : undefined;
					offer.upc = row.text(upc) || undefined;
					offer.status = row.text(status) || undefined;
					return true;
				}
			};
		},
		hooks
	);
}
