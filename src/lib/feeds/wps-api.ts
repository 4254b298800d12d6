import type { Offer } from '$lib/domain/catalog';
import { parsePriceToCents } from '$lib/domain/money';
import { Problems } from './cells';
import type { FeedParse, ParseHooks } from './types';

/**
 * WPS's catalog through the Data Depot API (distributors.md §2.1, §2.4): `GET /items` with
 * `include=inventory`, cursor pages. Each item becomes an offer; quantities per warehouse come
 * from the `*_warehouse` fields of its inventory row.
 */
const PAGE_SIZE = 1000;
const WAREHOUSE_FIELDS: readonly (readonly [string, string])[] = [
	['CA', 'ca_warehouse'],
	['GA', 'ga_warehouse'],
	['ID', 'id_warehouse'],
	['IN', 'in_warehouse'],
	['PA', 'pa_warehouse'],
	['PA2', 'pa2_warehouse'],
	['TX', 'tx_warehouse']
];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) =>
	typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';

export function wpsItemToOffer(item: Json): Offer | { problem: string; column: string } {
	const sku = text(item.sku);
	if (!sku) return { problem: 'sku is blank', column: 'sku' };
	const cost = parsePriceToCents(text(item.standard_dealer_price));
	if (cost === null)
		return {
			problem: `dealer cost '${text(item.standard_dealer_price)}' is not a price`,
			column: 'standard_dealer_price'
		};
	const inventory =
		isObject(item.inventory) && isObject(item.inventory.data) ? item.inventory.data : {};
	const stock: Record<string, number> = {};
	for (const [code, field] of WAREHOUSE_FIELDS)
		stock[code] = Math.max(0, Number(inventory[field]) || 0);
	const brand = isObject(item.brand) && isObject(item.brand.data) ? text(item.brand.data.name) : '';
	const offer: Offer = {
		distributorId: 'wps',
		sku,
		brand,
		mpn: text(item.supplier_product_id),
		description: text(item.name),
		costCents: cost,
		stock,
		status: text(item.status) || undefined
	};
	const msrp = parsePriceToCents(text(item.list_price));
	if (msrp !== null && msrp > 0) offer.msrpCents = msrp;
	const map = parsePriceToCents(text(item.mapp_price));
	if (map !== null && map > 0) offer.mapCents = map;
	if (text(item.upc)) offer.upc = text(item.upc);
	return offer;
}

/** Reads every page; a page that fails ends the read with nothing kept (the caller refuses). */
export async function readWpsCatalog(
	transport: typeof fetch,
	base: string,
	token: string,
	hooks: ParseHooks
): Promise<FeedParse> {
	const offers: Offer[] = [];
	const problems = new Problems();
	let cursor: string | null = '';
	let rows = 0;
	for (let page = 1; cursor !== null; page++) {
		if (hooks.isCancelled?.()) return { ok: false, cancelled: true };
		const url = new URL(`${base}/items`);
		url.searchParams.set('include', 'inventory,brand');
		url.searchParams.set('page[size]', String(PAGE_SIZE));
		if (cursor) url.searchParams.set('page[cursor]', cursor);
		const response = await transport(url.toString(), {
			headers: { authorization: `Bearer ${token}`, accept: 'application/json' }
		});
		if (!response.ok) {
			const why =
				response.status === 401 || response.status === 403
					? ': check the WPS API token in Settings'
					: '';
			return {
				ok: false,
				refused: `WPS answered ${response.status} on page ${page}${why}. Nothing was changed.`
			};
		}
		const body: unknown = await response.json().catch(() => null);
		if (!isObject(body) || !Array.isArray(body.data))
			return { ok: false, refused: `WPS sent something that is not an item list on page ${page}.` };
		for (const item of body.data) {
			rows++;
			const offer = isObject(item) ? wpsItemToOffer(item) : { problem: 'not an item', column: '' };
			if ('problem' in offer)
				problems.add({
					line: rows,
					column: offer.column,
					reason: offer.problem,
					file: `page ${page}`
				});
			else offers.push(offer);
		}
		const meta = isObject(body.meta) && isObject(body.meta.cursor) ? body.meta.cursor : {};
		cursor = typeof meta.next === 'string' && meta.next ? meta.next : null;
		hooks.onProgress?.({ rows, fraction: cursor ? 0.5 : 1 });
		await hooks.pause?.();
	}
	if (rows === 0) return { ok: false, refused: 'WPS returned no items.' };
	return problems.parsed(offers, rows);
}
