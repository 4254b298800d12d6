import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOrderCsv, parseShopifyDate } from './order-csv';

const fixture = readFileSync(new URL('./fixtures/shopify-orders.csv', import.meta.url), 'utf8');

describe('Shopify order CSV', () => {
	const result = parseOrderCsv(fixture);
	if ('error' in result) throw new Error(result.error);

	it('reads each order once with all its line items (BOM, CRLF, quoted commas and newlines)', () => {
		expect(result.orders.map((o) => o.number)).toEqual(['2041', '2042']);
		const [first, second] = result.orders;
		expect(first?.items).toEqual([
			{
				title: 'EBC Sintered Brake Pads, Front',
				sku: 'PU1721-2440',
				brand: 'EBC',
				quantity: 2,
				unitPriceCents: 4495,
				storeFulfilment: 'open'
			}
		]);
		expect(first?.note).toBe('Leave at the shop door\r\nif closed');
		expect(first?.createdAt).toBe('2026-11-18T16:12:40.000Z');
		expect(second?.items.map((i) => [i.sku, i.unitPriceCents])).toEqual([
			['WP87-4019', 12950],
			['TR160942', 110500]
		]);
		expect(second?.shipTo).toMatchObject({
			line1: '2290 Tulare St',
			line2: 'Apt 4',
			city: 'Fresno',
			state: 'CA',
			postalCode: '93721'
		});
	});

	it('refuses bad orders whole and names the source line and the reason', () => {
		expect(result.problems).toEqual([
			{ line: 6, orderNumber: '2043', reason: 'buyer.email is not an email address' },
			{ line: 8, orderNumber: '2044', reason: "quantity 'one' is not a whole number" }
		]);
	});

	it('refuses a file that is not an order export with one message', () => {
		expect(parseOrderCsv('')).toEqual({ error: 'The file is empty.' });
		expect(parseOrderCsv('Part Number,Price\n1,2\n')).toMatchObject({
			error: expect.stringMatching(/not an order export/)
		});
		expect(parseOrderCsv('PK\u0003\u0004\u0000\u0000')).toEqual({
			error: 'This is not a CSV file.'
		});
	});

	it('reads Shopify and ISO dates', () => {
		expect(parseShopifyDate('2026-11-18 09:12:40 -0700')).toBe('2026-11-18T16:12:40.000Z');
		expect(parseShopifyDate('2026-11-18T16:12:40Z')).toBe('2026-11-18T16:12:40.000Z');
		expect(parseShopifyDate('yesterday')).toBeUndefined();
	});
});
