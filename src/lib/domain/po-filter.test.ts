import { describe, expect, it } from 'vitest';
import { EMPTY_PO_FILTER, filterPurchaseOrders, parsePoFilter, type PoFilter } from './po-filter';
import type { PurchaseOrder } from './purchase-order';

function po(n: number, over: Partial<PurchaseOrder> = {}): PurchaseOrder {
	const createdAt = new Date(2025, 0, n, 9).toISOString();
	return {
		id: `po${n}`,
		poNumber: `RL${String(n).padStart(5, '0')}`,
		orderId: `o${n}`,
		distributorId: 'wps',
		isManual: false,
		state: 'confirmed',
		shipState: 'awaiting',
		distributorRefs: [],
		shipTo: {
			name: 'B',
			line1: '1 Main',
			city: 'Boise',
			state: 'ID',
			postalCode: '83702',
			country: 'US'
		},
		shippingMethod: 'ground',
		leadTimeDays: 2,
		costCents: 5000,
		createdAt,
		updatedAt: createdAt,
		history: [],
		...over
	};
}

const list = [
	po(1),
	po(2, { distributorId: 'pu', shipState: 'shipped', distributorRefs: ['PU-778812'] }),
	po(3, { distributorId: 'tucker' })
];
const numbers = new Map([
	['o1', '1041'],
	['o2', '1042'],
	['o3', '1043']
]);
const run = (filter: Partial<PoFilter>) =>
	filterPurchaseOrders(list, { ...EMPTY_PO_FILTER, ...filter }, (id) => {
		const number = numbers.get(id);
		return number ? { number } : undefined;
	}).map((p) => p.poNumber);

describe('filterPurchaseOrders', () => {
	it('searches PO number, order id, order number and distributor reference', () => {
		expect(run({ q: 'rl00002' })).toEqual(['RL00002']);
		expect(run({ q: 'o3' })).toEqual(['RL00003']);
		expect(run({ q: '1041' })).toEqual(['RL00001']);
		expect(run({ q: '778812' })).toEqual(['RL00002']);
	});

	it('filters by distributor, shipping status and local date range', () => {
		expect(run({ distributor: 'tucker' })).toEqual(['RL00003']);
		expect(run({ ship: 'shipped' })).toEqual(['RL00002']);
		expect(run({ ship: 'awaiting', from: '2025-01-02' })).toEqual(['RL00003']);
	});

	it('reads its filters from the URL, dropping unknown values', () => {
		expect(parsePoFilter(new URLSearchParams('q=RL1&ship=shipped&distributor=x'))).toEqual({
			...EMPTY_PO_FILTER,
			q: 'RL1',
			ship: 'shipped'
		});
	});
});
