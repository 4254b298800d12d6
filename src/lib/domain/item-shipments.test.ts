import { describe, expect, it } from 'vitest';
import { shipmentsOfItem } from './item-shipments';
import type { Shipment } from './purchase-order';

const shipment = (over: Partial<Shipment>): Shipment => ({
	id: 's',
	poId: 'po-1',
	carrier: 'UPS',
	trackingNumbers: ['1Z999AA10123456784'],
	lines: [],
	receivedAt: '2026-11-20T15:00:00.000Z',
	...over
});

describe('shipmentsOfItem', () => {
	const pos = [
		{ id: 'po-1', poNumber: 'RL000001' },
		{ id: 'po-2', poNumber: 'RL000002' }
	];
	const lines = [
		{ poId: 'po-1', orderItemId: 'pads', sku: '2103-0174' },
		{ poId: 'po-1', orderItemId: 'gloves', sku: '3330-0111' },
		{ poId: 'po-2', orderItemId: 'pads', sku: '15-0174' }
	];

	it("finds an item's boxes across its POs, by SKU where the distributor listed lines", () => {
		const shipments = [
			shipment({ id: 'a', lines: [{ sku: '2103-0174', quantity: 1 }] }),
			shipment({ id: 'b', trackingNumbers: ['1Z2'], lines: [{ sku: '3330-0111', quantity: 2 }] }),
			shipment({ id: 'c', poId: 'po-2', carrier: 'FedEx', trackingNumbers: ['123456789012'] })
		];
		expect(shipmentsOfItem('pads', lines, pos, shipments)).toEqual([
			{
				shipmentId: 'a',
				poNumber: 'RL000001',
				carrier: 'UPS',
				trackingNumbers: ['1Z999AA10123456784'],
				quantity: 1
			},
			{
				shipmentId: 'c',
				poNumber: 'RL000002',
				carrier: 'FedEx',
				trackingNumbers: ['123456789012']
			}
		]);
		expect(shipmentsOfItem('gloves', lines, pos, shipments).map((s) => s.shipmentId)).toEqual([
			'b'
		]);
		expect(shipmentsOfItem('nothing', lines, pos, shipments)).toEqual([]);
	});
});
