import { describe, expect, it } from 'vitest';
import { AdCreated, AdError, AdLookup } from './api-schemas';
import { request } from '$test-support/distributors/automatic-kit';
import carb from './fixtures/error-carb.json';
import created from './fixtures/order-created.json';
import lookup from './fixtures/order-lookup.json';
import { lookupWindow, orderStatus, readUsDate, toLineResults, toShipments } from './mapping';

describe('Automatic mapping of the (invented) bodies', () => {
	it('gives each line its outcome from order/create', () => {
		const lines = toLineResults(
			request({
				lines: [
					{ lineNo: 1, sku: 'A1000001', quantity: 2 },
					{ lineNo: 2, sku: 'A1000003', quantity: 1 },
					{ lineNo: 3, sku: 'A9999999', quantity: 1 }
				]
			}),
			AdCreated.parse(created)
		);
		expect(lines.map((l) => l.outcome)).toEqual(['accepted', 'backordered', 'rejected']);
		expect(lines[2]?.message).toBe('A9999999: Item A9999999 not found.');
	});

	it('turns generations into shipments; a freight generation shows its PRO number', () => {
		const generations = AdLookup.parse(lookup).orders;
		expect(orderStatus(generations)).toBe('shipped');
		expect(toShipments(generations)).toEqual([
			{
				distributorRef: 'S0501234-00',
				carrier: 'UPS',
				service: 'UPS',
				trackingNumbers: ['1ZA8Y2V40312345678'],
				shipDate: '2025-03-04T00:00:00.000Z',
				warehouse: 'MAIN',
				lines: [{ sku: 'A1000001', quantity: 2 }]
			},
			{
				distributorRef: 'S0501234-01',
				carrier: 'LTL',
				service: 'LTL (PRO number)',
				trackingNumbers: ['048213377'],
				shipDate: '2025-03-12T00:00:00.000Z',
				warehouse: 'MAIN',
				lines: [{ sku: 'A1000003', quantity: 1 }]
			}
		]);
	});

	it('reads MM/DD/YY dates and builds a 365-day lookup window', () => {
		expect(readUsDate('03/05/25')).toBe('2025-03-05T00:00:00.000Z');
		expect(readUsDate('3/5/2025')).toBe('2025-03-05T00:00:00.000Z');
		expect(readUsDate('')).toBeUndefined();
		expect(lookupWindow(new Date('2025-03-03T15:00:00Z'))).toEqual({
			startDate: '2024-03-04',
			endDate: '2025-03-04'
		});
	});

	it('parses the error body', () => {
		expect(AdError.parse(carb).errors[0]?.code).toBe('CARB_RESTRICTED');
	});
});
