import { describe, expect, it } from 'vitest';
import { WpsError, WpsItemPage, WpsPurchaseOrder } from './api-schemas';
import cartError from './fixtures/cart-error-422.json';
import itemsFixture from './fixtures/items-with-inventory.json';
import poFixture from './fixtures/order-status.json';
import { poStatus, toIsoDate, toShipments, toStockLine } from './mapping';

describe('WPS mapping of recorded-looking bodies', () => {
	it('reads an items page with inventory into a capped stock line', () => {
		const page = WpsItemPage.parse(itemsFixture);
		expect(toStockLine('87-4310', page.data, 25)).toMatchObject({
			found: true,
			totalQty: 42,
			capped: true,
			costCents: 2967
		});
		expect(toStockLine('87-4310', page.data, 50).capped).toBe(false);
	});

	it('reads a split PO: one shipment so far, partially shipped', () => {
		const details = WpsPurchaseOrder.parse(poFixture).data.flatMap((p) => p.order_details);
		expect(poStatus(details)).toBe('partially_shipped');
		expect(toShipments(details)).toEqual([
			{
				distributorRef: '6110110',
				carrier: 'OnTrac',
				service: 'CO5',
				trackingNumbers: ['C11234567890123'],
				shipDate: '2025-03-04T00:00:00.000Z',
				warehouse: 'CA',
				lines: [{ sku: '87-4310', quantity: 1 }]
			}
		]);
	});

	it('reads the invented error shape and WPS timestamps', () => {
		expect(WpsError.parse(cartError).errors?.ship_city).toHaveLength(1);
		expect(toIsoDate('2025-03-04 14:03:00')).toBe('2025-03-04T14:03:00.000Z');
		expect(toIsoDate('soon')).toBeUndefined();
	});
});
