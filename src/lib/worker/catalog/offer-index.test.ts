import { describe, expect, it } from 'vitest';
import type { Offer } from '$lib/domain/catalog';
import { findOffersForItem } from '$lib/domain/matching';
import { syntheticOffers } from '$lib/feeds/synthetic';
import { CatalogIndex } from './offer-index';

const offer = (over: Partial<Offer>): Offer => ({
	distributorId: 'wps',
	sku: '26-1234',
	brand: 'Fly Racing',
	mpn: '350-0111',
	upc: '191361001111',
	description: 'Kinetic gloves black/white LG',
	costCents: 1710,
	stock: { CA: 3 },
	...over
});

async function index(aliases: [string, string][] = [['FLY', 'FLY RACING']]) {
	const catalog = new CatalogIndex(new Map(aliases));
	await catalog.replace('wps', 'w1', [offer({})]);
	await catalog.replace('pu', 'p1', [
		offer({ distributorId: 'pu', sku: '3330-0174', brand: 'Fly', mpn: '3500111', upc: undefined }),
		offer({
			distributorId: 'pu',
			sku: '2103-0174',
			brand: 'EBC',
			mpn: 'FA213HH',
			upc: '0750440001234',
			description: 'Brake pads sintered'
		})
	]);
	await catalog.replace('tucker', 't1', [
		offer({
			distributorId: 'tucker',
			sku: '160942',
			brand: 'Other',
			mpn: 'ZZ',
			upc: '00191361001111',
			description: 'Same UPC'
		})
	]);
	return catalog;
}

const ids = (offers: readonly Offer[]) => offers.map((o) => `${o.distributorId}:${o.sku}`).sort();

describe('CatalogIndex', () => {
	it('groups one product across distributors by brand alias + MPN and by UPC', async () => {
		const [product] = (await index()).search('350-0111');
		expect(product?.key).toBe('FLY RACING|3500111');
		expect(ids(product?.offers ?? [])).toEqual(['pu:3330-0174', 'tucker:160942', 'wps:26-1234']);
	});

	it('without the alias the brands stay apart; editing aliases regroups', async () => {
		const catalog = await index([]);
		expect(catalog.byProduct('FLY RACING|3500111')).toHaveLength(1);
		catalog.setAliases(new Map([['FLY', 'FLY RACING']]));
		expect(catalog.byProduct('FLY RACING|3500111')).toHaveLength(2);
	});

	it.each([
		['prefixed SKU', 'PU2103-0174'],
		['bare SKU', '21030174'],
		['MPN in other punctuation', 'fa-213-hh'],
		['UPC', '750440001234'],
		['words as typed', 'sint brak'],
		['part number typed in part', '2103-01']
	])('finds a part by %s', async (_name, query) => {
		const [product] = (await index()).search(query);
		expect(product?.offers.map((o) => o.sku)).toContain('2103-0174');
	});

	it('answers nothing for blanks and unknown words', async () => {
		const catalog = await index();
		expect(catalog.search('   ')).toEqual([]);
		expect(catalog.search('zzzzqx')).toEqual([]);
	});

	it('finds an order item by SKU, MPN, brand+MPN or UPC', async () => {
		const catalog = await index();
		expect(findOffersForItem({ sku: 'WP26-1234' }, catalog).matchedBy).toBe('prefixed-sku');
		expect(findOffersForItem({ sku: 'FA213HH' }, catalog).matchedBy).toBe('mpn');
		expect(
			findOffersForItem({ sku: 'shop-1', brand: 'Fly', mpn: '350 0111' }, catalog).matchedBy
		).toBe('brand-mpn');
		expect(findOffersForItem({ sku: 'shop-1', upc: '0750440001234' }, catalog).matchedBy).toBe(
			'upc'
		);
		expect(findOffersForItem({ sku: 'nothing' }, catalog)).toEqual({
			offers: [],
			matchedBy: 'none'
		});
	});

	it('answers by scanning until a slice indexed in part at start-up is complete', async () => {
		const catalog = new CatalogIndex();
		await catalog.replace('pu', 'p1', syntheticOffers(500, 'pu'), undefined, { isPartial: true });
		const scanned = catalog.search('brake pads', 100).map((p) => p.key);
		const bySku = catalog.search('0000-12').map((p) => p.key);
		await catalog.completeDeferred();
		const indexed = catalog.search('brake pads', 100).map((p) => p.key);
		expect(indexed.sort()).toEqual(scanned.sort());
		expect(scanned.length).toBeGreaterThan(0);
		expect(catalog.search('0000-12').map((p) => p.key)).toEqual(bySku);
		expect(bySku).toHaveLength(1);
	});

	it('finds a product by brand and MPN among offers of other brands with that MPN', async () => {
		const catalog = await index();
		await catalog.replace('automatic', 'a1', [
			offer({ distributorId: 'automatic', sku: 'A-1', brand: 'Other', mpn: 'fa 213 hh' }),
			offer({ distributorId: 'automatic', sku: 'A-2', brand: 'EBC', mpn: '-' })
		]);
		expect(ids(catalog.byProduct('EBC|FA213HH'))).toEqual(['pu:2103-0174']);
		expect(ids(catalog.byProduct('OTHER|FA213HH'))).toEqual(['automatic:A-1']);
		// An MPN of punctuation alone is no part number: it groups nothing.
		expect(catalog.byProduct('EBC|')).toEqual([]);
	});

	it('replacing a distributor swaps its slice whole', async () => {
		const catalog = await index();
		await catalog.replace('pu', 'p2', syntheticOffers(50, 'pu'));
		expect(catalog.importIdOf('pu')).toBe('p2');
		expect(catalog.search('2103-0174')).toEqual([]);
		expect(catalog.offerCount()).toBe(52);
	});
});
