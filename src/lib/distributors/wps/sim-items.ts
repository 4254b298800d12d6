import { http, type RequestHandler } from 'msw';
import type { Offer } from '$lib/domain/catalog';
import type { Simulator } from '$lib/simulator/simulator';
import { WPS_BASE_URL, WPS_WAREHOUSES } from './constants';
import { guard, reply, wpsError, type WpsSimOptions } from './sim-common';

/** Warehouse ids as observed in one client [CODE S13]. */
const WAREHOUSES = [
	{ id: 1, db2_key: 'ID', name: 'Boise, ID' },
	{ id: 2, db2_key: 'CA', name: 'Fresno, CA' },
	{ id: 4, db2_key: 'PA', name: 'Elizabethtown, PA' },
	{ id: 5, db2_key: 'IN', name: 'Ashley, IN' },
	{ id: 6, db2_key: 'TX', name: 'Midlothian, TX' },
	{ id: 7, db2_key: 'GA', name: 'Midway, GA' },
	{ id: 8, db2_key: 'PA2', name: 'Jessup, PA' }
];

const MAX_PAGE_SIZE = 10_000;

interface SimItem {
	id: number;
	offer: Offer;
}

/** The catalog, items, inventory and warehouses of the simulated WPS (distributors.md §8.1). */
export function itemHandlers(sim: Simulator, options: Required<WpsSimOptions>): RequestHandler[] {
	const items = (): SimItem[] =>
		sim.hasFault('wps', 'unknown_sku')
			? []
			: sim.catalog.skus('wps').flatMap((sku, index) => {
					const offer = sim.catalog.lookup('wps', sku);
					return offer ? [{ id: index + 1, offer }] : [];
				});
	const inventory = (item: SimItem) => inventoryRow(item, sim, options.stockCap);
	const itemBody = (item: SimItem, include: Set<string>) => ({
		id: item.id,
		sku: item.offer.sku,
		name: item.offer.description,
		brand_id: brandIdOf(item.offer.brand),
		supplier_product_id: item.offer.mpn,
		upc: item.offer.upc ?? null,
		list_price: dollars(item.offer.msrpCents ?? item.offer.costCents),
		standard_dealer_price: dollars(item.offer.costCents),
		mapp_price: dollars(item.offer.mapCents ?? 0),
		status: item.offer.status ?? 'STK',
		drop_ship_eligible: true,
		...(include.has('inventory') ? { inventory: { data: inventory(item) } } : {}),
		// An include nests the related record under `data` (Fractal's item resource), as
		// `include=brand` does in the clients we read; without it only `brand_id` comes.
		...(include.has('brand') ? { brand: { data: brandBody(item.offer.brand) } } : {})
	});
	const brandBody = (name: string) => {
		const stamp = sim.now().toISOString().replace('T', ' ').slice(0, 19);
		return { id: brandIdOf(name), name, created_at: stamp, updated_at: stamp };
	};

	return [
		http.get(`${WPS_BASE_URL}/items`, async ({ request }) => {
			const refused = await guard(sim, request, options);
			if (refused) return refused;
			const url = new URL(request.url);
			const q = url.searchParams;
			const size = Math.min(MAX_PAGE_SIZE, Math.max(1, Number(q.get('page[size]') ?? 10) || 10));
			const offset = decodeCursor(q.get('page[cursor]'));
			const matching = items().filter((item) => matches(item, q));
			const page = matching.slice(offset, offset + size);
			const include = includes(q);
			const next = offset + size < matching.length ? encodeCursor(offset + size) : null;
			return reply(sim, {
				data: page.map((i) => itemBody(i, include)),
				meta: {
					cursor: {
						current: encodeCursor(offset),
						prev: offset > 0 ? encodeCursor(Math.max(0, offset - size)) : null,
						next,
						count: page.length
					}
				}
			});
		}),
		http.get(`${WPS_BASE_URL}/items/:ids`, async ({ request, params }) => {
			const refused = await guard(sim, request, options);
			if (refused) return refused;
			const ids = String(params.ids).split(',').map(Number);
			const found = items().filter((i) => ids.includes(i.id));
			const include = includes(new URL(request.url).searchParams);
			if (ids.length > 1) return reply(sim, { data: found.map((i) => itemBody(i, include)) });
			const one = found[0];
			return one ? reply(sim, { data: itemBody(one, include) }) : wpsError(404, 'Not found.');
		}),
		http.get(`${WPS_BASE_URL}/inventory`, async ({ request }) => {
			const refused = await guard(sim, request, options);
			if (refused) return refused;
			const wanted = new URL(request.url).searchParams.get('filter[item_id]')?.split('|');
			const rows = items().filter((i) => !wanted || wanted.includes(String(i.id)));
			return reply(sim, { data: rows.map(inventory) });
		}),
		http.get(`${WPS_BASE_URL}/warehouses`, async ({ request }) => {
			const refused = await guard(sim, request, options);
			return refused ?? reply(sim, { data: WAREHOUSES });
		})
	];
}

/** `include=inventory,brand` → the related records to embed. */
function includes(q: URLSearchParams): Set<string> {
	return new Set((q.get('include') ?? '').split(',').map((name) => name.trim()));
}

/**
 * WPS numbers its brands; the simulator gives each brand name a stable id of its own (a small
 * hash), so items of one brand share a `brand_id` and `filter[brand_id]` selects them.
 */
function brandIdOf(name: string): number {
	let h = 0;
	for (let i = 0; i < name.length; i++) h = (Math.imul(h, 31) + name.charCodeAt(i)) | 0;
	return (Math.abs(h) % 900_000) + 1;
}

function matches(item: SimItem, q: URLSearchParams): boolean {
	const sku = item.offer.sku.toUpperCase();
	const eq = q.get('filter[sku]') ?? q.get('filter[sku][eq]');
	if (eq !== null && !eq.toUpperCase().split('|').includes(sku)) return false;
	const prefix = q.get('filter[sku][pre]');
	if (prefix !== null && !sku.startsWith(prefix.toUpperCase())) return false;
	const brand = q.get('filter[brand_id]');
	if (brand !== null && !brand.split('|').includes(String(brandIdOf(item.offer.brand))))
		return false;
	const ids = q.get('filter[id]');
	if (ids !== null && !ids.split('|').includes(String(item.id))) return false;
	return true;
}

/** WPS shows the cap when it holds more; `total` is the sum of what it shows (§8.1). */
function inventoryRow(item: SimItem, sim: Simulator, cap: number) {
	const isOut = sim.hasFault('wps', 'out_of_stock');
	const row: Record<string, number | string> = {
		id: item.id,
		item_id: item.id,
		sku: item.offer.sku
	};
	let total = 0;
	for (const { code, field } of WPS_WAREHOUSES) {
		const shown = isOut ? 0 : Math.min(cap, item.offer.stock[code] ?? 0);
		row[field] = shown;
		total += shown;
	}
	const stamp = sim.now().toISOString().replace('T', ' ').slice(0, 19);
	return { ...row, total, created_at: stamp, updated_at: stamp };
}

function dollars(cents: number): string {
	return (cents / 100).toFixed(2);
}

/** Cursors are opaque strings to the client; ours encode the offset. */
function encodeCursor(offset: number): string {
	return btoa(`offset:${offset}`).replace(/=+$/, '');
}

function decodeCursor(cursor: string | null): number {
	if (!cursor) return 0;
	try {
		const match = /^offset:(\d+)$/.exec(atob(cursor));
		return match ? Number(match[1]) : 0;
	} catch {
		return 0;
	}
}
