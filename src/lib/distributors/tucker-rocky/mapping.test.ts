import { describe, expect, it } from 'vitest';
import { TrInvBody, TrOrdFailureBody, TrOrdSuccessBody, TrShpBody } from './api-schemas';
import inv from './fixtures/inv.json';
import ordAccepted from './fixtures/ord-accepted.json';
import ordRefused from './fixtures/ord-refused.json';
import shp from './fixtures/shp.json';
import {
	lineErrors,
	orderStatus,
	readDcQuantity,
	readShipDate,
	toLineResults,
	toShipments,
	toStockLines
} from './mapping';
import { request } from '$test-support/distributors/tucker-kit';

describe('Tucker mapping of recorded-looking bodies', () => {
	it('reads DC figures with 9 as "9 or more"', () => {
		expect(readDcQuantity('9')).toEqual({ qty: 9, capped: true });
		expect(readDcQuantity('4')).toEqual({ qty: 4, capped: false });
		expect(readDcQuantity('')).toEqual({ qty: 0, capped: false });
		expect(readDcQuantity(' 9+')).toEqual({ qty: 9, capped: true });
	});

	it('turns INV into stock lines; the total is used when there are no DC figures', () => {
		const items = TrInvBody.parse(inv).INV.item;
		const [dc, total, unknown] = toStockLines(['160942', 'BA-0006', '999999'], items);
		expect(dc).toMatchObject({ found: true, totalQty: 21, capped: true });
		expect(dc?.warehouses).toHaveLength(7);
		expect(total).toMatchObject({ found: true, totalQty: 3, warehouses: [], capped: false });
		expect(unknown).toMatchObject({ found: false, totalQty: 0 });
	});

	it('gives each line its outcome from an accepted ORD', () => {
		const out = TrOrdSuccessBody.parse(ordAccepted).ORD.orderoutput;
		const lines = toLineResults(
			request({
				lines: [
					{ lineNo: 1, sku: '160942', quantity: 2 },
					{ lineNo: 2, sku: 'BA-0006', quantity: 3 },
					{ lineNo: 3, sku: '999999', quantity: 1 }
				]
			}),
			out.orderline
		);
		expect(out.ordernum).toBe('7012345');
		expect(lines.map((l) => l.outcome)).toEqual(['accepted', 'backordered', 'rejected']);
	});

	it('collects the per-line texts of a refused ORD', () => {
		const refused = TrOrdFailureBody.parse(ordRefused).ORD;
		expect(refused.errormsg).toBe('No valid lines on order');
		expect(lineErrors(refused.orderinput?.orderline ?? [])).toEqual(['Invalid item number']);
	});

	it('groups SHP lines into shipments and reads the order status', () => {
		const shipments = TrShpBody.parse(shp).SHP.shipment;
		expect(toShipments(shipments)).toEqual([
			{
				distributorRef: '7012345-TX-1ZX4V8W70312345678',
				carrier: 'UPS',
				service: 'UPS',
				trackingNumbers: ['1ZX4V8W70312345678'],
				shipDate: '2025-03-04T00:00:00.000Z',
				warehouse: 'TX',
				lines: [
					{ sku: '160942', quantity: 2 },
					{ sku: 'BA0006', quantity: 1 }
				]
			},
			{
				distributorRef: '7012399--123456789012',
				carrier: 'FedEx',
				service: 'FEDEX',
				trackingNumbers: ['123456789012'],
				lines: []
			}
		]);
		expect(orderStatus(['7012345'], shipments)).toBe('partially_shipped');
		// No status word but tracking: read as shipped [INF].
		expect(orderStatus(['7012399'], shipments)).toBe('shipped');
		expect(orderStatus(['7012399', '7000001'], shipments)).toBe('partially_shipped');
		expect(orderStatus(['7000001'], shipments)).toBe('open');
	});

	it('reads the ship date forms an old service may use', () => {
		expect(readShipDate('20250304')).toBe('2025-03-04T00:00:00.000Z');
		expect(readShipDate('2025-03-04')).toBe('2025-03-04T00:00:00.000Z');
		expect(readShipDate('3/4/2025')).toBe('2025-03-04T00:00:00.000Z');
		expect(readShipDate('soon')).toBeUndefined();
	});
});
