import { describe, expect, it } from 'vitest';
import { readWpsCatalog } from '$lib/feeds/wps-api';
import { OFFERS, TOKEN, useWpsSimulator } from '$test-support/distributors/wps-kit';

const kit = useWpsSimulator({ stockCap: 9, slowMs: 120 });
const auth = { authorization: `Bearer ${TOKEN}` };
const get = async (path: string) => {
	const response = await fetch(`https://api.wps-inc.com${path}`, { headers: auth });
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('the WPS simulator speaks the documented wire format', () => {
	it('pages /items with cursors until next is null', async () => {
		const skus: string[] = [];
		let cursor: string | null = null;
		let pages = 0;
		do {
			const query: string = cursor ? `&page[cursor]=${encodeURIComponent(cursor)}` : '';
			const { body } = await get(`/items?page[size]=3${query}`);
			const page = body as {
				data: { sku: string }[];
				meta: { cursor: { next: string | null; count: number } };
			};
			skus.push(...page.data.map((i) => i.sku));
			cursor = page.meta.cursor.next;
			pages += 1;
		} while (cursor && pages < 10);
		expect(pages).toBe(2);
		expect(skus).toEqual(['2-R0451B-8', '87-4310', '370-6402X', 'NLA-1000']);
	});

	it('embeds inventory capped at the configured figure, prices as strings', async () => {
		const { body } = await get('/items?filter[sku]=2-R0451B-8&include=inventory');
		expect(body).toMatchObject({
			data: [
				{
					sku: '2-R0451B-8',
					standard_dealer_price: '12.34',
					list_price: '19.99',
					inventory: { data: { ca_warehouse: 9, pa_warehouse: 3, tx_warehouse: 0, total: 12 } }
				}
			],
			meta: { cursor: { count: 1 } }
		});
	});

	it('embeds the brand only when asked, with one brand_id per brand that filter[brand_id] selects', async () => {
		type Item = { brand_id: number; brand?: { data: { id: number; name: string } } };
		const plain = (await get('/items?page[size]=10')).body.data as Item[];
		expect(plain.every((item) => item.brand === undefined)).toBe(true);
		const items = (await get('/items?page[size]=10&include=inventory,brand')).body.data as Item[];
		expect(items.map((item) => item.brand?.data.name)).toEqual(OFFERS.map((o) => o.brand));
		const [first] = items;
		expect(items.every((item) => item.brand?.data.id === first?.brand_id)).toBe(true);
		const chosen = (await get(`/items?filter[brand_id]=${first?.brand_id}`)).body.data as Item[];
		expect(chosen).toHaveLength(OFFERS.length);
		const other = (await get(`/items?filter[brand_id]=${(first?.brand_id ?? 0) + 1}`)).body;
		expect(other.data).toEqual([]);
	});

	it("a catalog read through the API keeps each item's brand (matching across distributors needs it)", async () => {
		const read = await readWpsCatalog(fetch, 'https://api.wps-inc.com', TOKEN, {});
		if (!read.ok) throw new Error('the read was refused');
		expect(read.offers.map((o) => o.brand)).toEqual(OFFERS.map((o) => o.brand));
		expect(read.offers.map((o) => o.mpn)).toEqual(OFFERS.map((o) => o.mpn));
	});

	it('caps the adapter at the same option', async () => {
		const stock = await kit.adapter(TOKEN, { stockCap: 9 }).getStock(['87-4310']);
		expect(stock).toMatchObject({ ok: true, value: [{ totalQty: 5, capped: false }] });
		const capped = await kit.adapter(TOKEN, { stockCap: 9 }).getStock(['2-R0451B-8']);
		expect(capped).toMatchObject({ ok: true, value: [{ totalQty: 12, capped: true }] });
	});

	it('answers /items/1 with an object, /items/1,2 with a collection, and lists warehouses', async () => {
		expect((await get('/items/1')).body.data).toMatchObject({ id: 1 });
		expect((await get('/items/1,2')).body.data).toHaveLength(2);
		expect((await get('/warehouses')).body.data).toContainEqual({
			id: 8,
			db2_key: 'PA2',
			name: 'Jessup, PA'
		});
	});

	it('requires both dates on the order list, and a bearer token everywhere', async () => {
		expect((await get('/orders?from_date=20250301')).status).toBe(400);
		expect((await get('/orders?from_date=20250301&to_date=20250331')).body).toEqual({ data: [] });
		const anonymous = await fetch('https://api.wps-inc.com/items');
		expect(anonymous.status).toBe(401);
	});
});
