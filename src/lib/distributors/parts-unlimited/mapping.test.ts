import { describe, expect, it } from 'vitest';
import {
	PuAvailability,
	PuOrderAccepted,
	PuOrderAnswer,
	PuOrderList,
	PuPricing
} from './api-schemas';
import accepted from './fixtures/dropship-accepted.json';
import mainframe from './fixtures/dropship-mainframe-error.json';
import inventory from './fixtures/inventory.json';
import ordersPage from './fixtures/orders-page.json';
import pricing from './fixtures/pricing.json';
import { orderStatus, readQuantity, toLineResults, toShipments, toStockLines } from './mapping';
import { request } from '$test-support/distributors/pu-kit';

describe('PU mapping of recorded-looking bodies', () => {
	it('reads string, "+", "N/A" and numeric quantities', () => {
		expect(readQuantity('5')).toEqual({ qty: 5, capped: false });
		expect(readQuantity('+')).toEqual({ qty: 10, capped: true });
		expect(readQuantity('25+')).toEqual({ qty: 25, capped: true });
		expect(readQuantity('N/A')).toEqual({ qty: 0, capped: false });
		expect(readQuantity(null)).toEqual({ qty: 0, capped: false });
	});

	it('joins inventory and pricing by part number', () => {
		const lines = toStockLines(
			['14011193', '0000-0000'],
			PuAvailability.parse(inventory),
			PuPricing.parse(pricing)
		);
		expect(lines).toMatchObject([
			{ sku: '14011193', found: true, totalQty: 17, capped: true, costCents: 2150 },
			{ sku: '0000-0000', found: false, totalQty: 0 }
		]);
	});

	it('reads line buckets of an accepted order', () => {
		const order = request({
			lines: [
				{ lineNo: 1, sku: '1401-1193', quantity: 3 },
				{ lineNo: 2, sku: '2103-0174', quantity: 2 }
			]
		});
		expect(toLineResults(order, PuOrderAccepted.parse(accepted)).map((l) => l.outcome)).toEqual([
			'accepted',
			'accepted'
		]);
		// The invented sibling bucket, matched by part number when PU sends no line number.
		const withBucket = PuOrderAccepted.parse({
			...accepted,
			line_items: [
				{ part_number: '21030174', ordered: { quantity: 0 }, backordered: { quantity: '2' } },
				{ part_number: '1401-1193', ordered: { quantity: 3 } }
			]
		});
		expect(toLineResults(order, withBucket).map((l) => l.outcome)).toEqual([
			'accepted',
			'backordered'
		]);
		expect(PuOrderAnswer.parse(mainframe).mainframeErrors?.[0]?.text).toMatch(/NOT FOUND/);
	});

	it('matches answer lines by line number, else by part number in order', () => {
		const order = request({
			lines: [
				{ lineNo: 1, sku: '1401-1193', quantity: 1 },
				{ lineNo: 2, sku: '1401-1193', quantity: 4 },
				{ lineNo: 3, sku: '0101-0002', quantity: 1 }
			]
		});
		const answer = PuOrderAccepted.parse({
			reference_number: 7,
			line_items: [
				{ part_number: '1401-1193', ordered: { quantity: 1 } },
				{ part_number: '1401-1193', ordered: { quantity: 0 }, cancelled: { quantity: 4 } },
				{ line_number: '3', part_number: 'X', ordered: { quantity: 1 } }
			]
		});
		expect(toLineResults(order, answer).map((l) => l.outcome)).toEqual([
			'accepted',
			'rejected',
			'accepted'
		]);
	});

	it('reads an order list page into status and one shipment with two cartons', () => {
		const list = PuOrderList.parse(ordersPage);
		expect(orderStatus(list.orders)).toBe('partially_shipped');
		expect(toShipments(list.orders)).toEqual([
			{
				distributorRef: '40001002-WI-2025-03-04',
				carrier: 'UPS',
				service: 'UPS',
				trackingNumbers: ['1ZA1B2C30312345678', '1ZA1B2C30398765432'],
				shipDate: '2025-03-04T00:00:00.000Z',
				warehouse: 'WI',
				lines: [{ sku: '1401-1193', quantity: 3 }]
			}
		]);
	});
});
