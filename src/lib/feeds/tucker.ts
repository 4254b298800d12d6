import type { Offer } from '$lib/domain/catalog';
import { parsePriceToCents } from '$lib/domain/money';
import { Problems } from './cells';
import { decodeText } from './decode';
import type { FeedFile, FeedParse, ParseHooks } from './types';

/**
 * Tucker Rocky's fixed-width FTP files (distributors.md §4.2, two parsers agree): the item master
 * (one item per line) and the inventory list (item, then one digit per distribution centre).
 * Positions are 1-based and inclusive, as the fact-sheet gives them.
 */
const ITEM = {
	item: [1, 6],
	description: [7, 36],
	status: [37, 37],
	standardPrice: [39, 46],
	retailPrice: [57, 64],
	brand: [147, 176],
	vendorPart: [296, 325]
} as const;

/** The shortest item-master record that still carries the retail price. */
const MIN_ITEM_LENGTH = 64;

/** Inventory list: column → DC code; column 13 is not mapped by the importer that documents it. */
const DC_COLUMNS: readonly (readonly [number, string])[] = [
	[7, 'TX'],
	[8, 'PA'],
	[9, 'OR'],
	[10, 'CO'],
	[11, 'FL'],
	[12, 'IL'],
	[14, 'CA']
];

/**
 * Prices without a decimal point are read as whole cents ("00011997" = $119.97). The public
 * parsers disagree on whether the file has the point; this assumption is unconfirmed.
 */
export const TUCKER_IMPLIED_DECIMALS = 2;

const field = (line: string, [from, to]: readonly [number, number]) =>
	line.slice(from - 1, to).trim();

/** A price in cents, or null for anything that is not one; a price is never negative. */
function price(text: string): number | null {
	if (/^\d+$/.test(text)) return Number(text) / 10 ** (TUCKER_IMPLIED_DECIMALS - 2);
	const cents = parsePriceToCents(text);
	return cents === null || cents < 0 ? null : cents;
}

function splitLines(text: string): string[] {
	const lines = text.split(/\r?\n/);
	if (lines[lines.length - 1] === '') lines.pop();
	return lines;
}

/** Item → stock per DC, from the inventory list; digits only (Tucker caps at 9). */
function readInventory(lines: readonly string[], file: string, problems: Problems) {
	const stock = new Map<string, Record<string, number>>();
	lines.forEach((line, i) => {
		if (!line.trim()) return;
		const item = line.slice(0, 6).trim();
		const qty: Record<string, number> = {};
		for (const [col, dc] of DC_COLUMNS) {
			const c = line.charAt(col - 1);
			if (c === ' ' || c === '') qty[dc] = 0;
			else if (c >= '0' && c <= '9') qty[dc] = Number(c);
			else {
				problems.add({
					line: i + 1,
					column: `${dc} stock`,
					reason: `${dc} stock '${c}' is not a digit`,
					file
				});
				return;
			}
		}
		stock.set(item, qty);
	});
	return stock;
}

const isInventory = (lines: readonly string[]) =>
	lines.length > 0 && lines.slice(0, 20).every((l) => l.trimEnd().length <= 20 && !l.includes(','));

export async function parseTucker(
	files: readonly FeedFile[],
	hooks: ParseHooks
): Promise<FeedParse> {
	const decoded: { name: string; lines: string[] }[] = [];
	for (const file of files) {
		const text = decodeText(file);
		if (!text.ok) return { ok: false, refused: text.refused };
		decoded.push({ name: file.name, lines: splitLines(text.text) });
	}
	const inventory = decoded.find((f) => isInventory(f.lines));
	const master = decoded.find((f) => f !== inventory);
	if (!master)
		return {
			ok: false,
			refused: 'Only the inventory list came: add the item master file (itemmstrnew).'
		};
	// Most lines of an item master are long fixed-width records; a CSV's are cut by commas.
	const sample = master.lines.slice(0, 20).filter((l) => l.trim());
	const records = sample.filter((l) => l.length >= MIN_ITEM_LENGTH && l.split(',').length < 6);
	if (records.length === 0 || records.length < sample.length / 2) {
		return {
			ok: false,
			refused: `${master.name} is not a Tucker Rocky item master: its lines are not ${MIN_ITEM_LENGTH}+ characters of fixed-width columns.`
		};
	}
	const problems = new Problems();
	const stock = inventory ? readInventory(inventory.lines, inventory.name, problems) : new Map();
	const offers: Offer[] = [];
	let rows = 0;
	for (let i = 0; i < master.lines.length; i++) {
		if (i % 10_000 === 0 && i > 0) {
			if (hooks.isCancelled?.()) return { ok: false, cancelled: true };
			hooks.onProgress?.({ rows, fraction: i / master.lines.length });
			await hooks.pause?.();
		}
		const line = master.lines[i] as string;
		if (!line.trim()) continue;
		rows++;
		const bad = (column: string, reason: string) =>
			problems.add({ line: i + 1, column, reason, file: master.name });
		const item = field(line, ITEM.item);
		if (!item) {
			bad('item', 'item number is blank');
			continue;
		}
		if (line.length < MIN_ITEM_LENGTH) {
			bad('', `the line is ${line.length} characters, too short for an item`);
			continue;
		}
		const standard = field(line, ITEM.standardPrice);
		const cost = price(standard);
		if (cost === null) {
			bad('standard price', `standard price '${standard}' is not a price`);
			continue;
		}
		const retail = price(field(line, ITEM.retailPrice));
		const offer: Offer = {
			distributorId: 'tucker',
			sku: item,
			brand: field(line, ITEM.brand),
			mpn: field(line, ITEM.vendorPart),
			description: field(line, ITEM.description),
			costCents: cost,
			stock: stock.get(item) ?? {},
			status: field(line, ITEM.status) || 'A'
		};
		if (retail !== null && retail > 0) offer.msrpCents = retail;
		offers.push(offer);
	}
	const notes = inventory
		? []
		: ['No inventory list came with the item master: every item shows as out of stock.'];
	if (rows === 0) return { ok: false, refused: `${master.name} has no items.` };
	return problems.parsed(offers, rows, notes);
}
