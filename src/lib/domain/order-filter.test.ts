import { describe, expect, it } from 'vitest';
import type { DistributorId } from './distributor';
import type { Order } from './order';
import {
	distributorsByOrder,
	EMPTY_ORDER_FILTER,
	filterOrders,
	parseOrderFilter,
	type OrderFilter
} from './order-filter';
import { filterToParams, isFiltered } from './list-filter';

/** A small order factory: local-time dates, so date filters read as the dealer's days. */
function order(n: number, over: Partial<Order> = {}): Order {
	return {
		id: `o${n}`,
		number: String(1000 + n),
		createdAt: new Date(2025, 0, n, 12).toISOString(),
		buyer: { name: `Buyer ${n}`, email: `buyer${n}@example.com` },
		shipTo: {
			name: 'B',
			line1: '1 Main',
			city: 'Boise',
			state: 'ID',
			postalCode: '83702',
			country: 'US'
		},
		totalCents: 1000,
		state: 'new',
		source: 'demo',
		...over
	};
}

const orders = [
	order(1),
	order(2, { state: 'shipped', buyer: { name: 'Cody Walters', email: 'cody@ridge.example' } }),
	order(3, { state: 'dropshipped' }),
	order(4)
];
const pos: Map<string, Set<DistributorId>> = distributorsByOrder([
	{ orderId: 'o2', distributorId: 'wps' },
	{ orderId: 'o3', distributorId: 'pu' },
	{ orderId: 'o3', distributorId: 'wps' }
]);
const run = (filter: Partial<OrderFilter>) =>
	filterOrders(orders, { ...EMPTY_ORDER_FILTER, ...filter }, (id) => pos.get(id)).map(
		(o) => o.number
	);

describe('filterOrders', () => {
	it('keeps everything with no filter', () => {
		expect(run({})).toEqual(['1001', '1002', '1003', '1004']);
	});

	it('filters by state', () => {
		expect(run({ state: 'shipped' })).toEqual(['1002']);
	});

	it('filters by a distributor of the order’s purchase orders', () => {
		expect(run({ distributor: 'wps' })).toEqual(['1002', '1003']);
		expect(run({ distributor: 'pu' })).toEqual(['1003']);
		expect(run({ distributor: 'tucker' })).toEqual([]);
	});

	it('filters by local date range, both ends inclusive', () => {
		expect(run({ from: '2025-01-02', to: '2025-01-03' })).toEqual(['1002', '1003']);
		expect(run({ from: '2025-01-04' })).toEqual(['1004']);
		expect(run({ to: '2025-01-01' })).toEqual(['1001']);
	});

	it('searches order number, buyer name and email, ignoring case', () => {
		expect(run({ q: '1003' })).toEqual(['1003']);
		expect(run({ q: 'cody' })).toEqual(['1002']);
		expect(run({ q: 'RIDGE.example' })).toEqual(['1002']);
		expect(run({ q: '  walters ' })).toEqual(['1002']);
	});

	it('combines filters', () => {
		expect(run({ distributor: 'wps', state: 'dropshipped' })).toEqual(['1003']);
	});
});

describe('the URL form of the filters', () => {
	it('round-trips through the query string', () => {
		const filter: OrderFilter = {
			q: 'cody',
			state: 'shipped',
			distributor: 'pu',
			from: '2025-01-01',
			to: '2025-01-31',
			qualify: '1'
		};
		const params = filterToParams(filter);
		expect(params.toString()).toBe(
			'q=cody&state=shipped&distributor=pu&from=2025-01-01&to=2025-01-31&qualify=1'
		);
		expect(parseOrderFilter(new URLSearchParams(params.toString()))).toEqual(filter);
	});

	it('leaves unused filters out of the URL', () => {
		expect(filterToParams({ ...EMPTY_ORDER_FILTER, q: ' ' }).toString()).toBe('');
		expect(isFiltered(EMPTY_ORDER_FILTER)).toBe(false);
		expect(isFiltered({ ...EMPTY_ORDER_FILTER, state: 'new' })).toBe(true);
	});

	it('drops values it does not know instead of trusting the link', () => {
		expect(
			parseOrderFilter(
				new URLSearchParams('state=lost&distributor=acme&from=yesterday&to=2025-1-2')
			)
		).toEqual(EMPTY_ORDER_FILTER);
	});
});

describe('the "has items that qualify" filter', () => {
	it('keeps only the orders the predicate says qualify', () => {
		const orders = [{ id: 'a' }, { id: 'b' }].map((o) => ({
			...o,
			number: o.id,
			createdAt: '2026-11-20T10:00:00.000Z',
			buyer: { name: 'X', email: 'x@example.com' },
			shipTo: {
				name: 'X',
				line1: '1 A St',
				city: 'B',
				state: 'ID',
				postalCode: '83702',
				country: 'US' as const
			},
			totalCents: 100,
			state: 'new' as const,
			source: 'demo' as const
		}));
		const shown = filterOrders(
			orders,
			{ ...EMPTY_ORDER_FILTER, qualify: '1' },
			() => undefined,
			(id) => id === 'b'
		);
		expect(shown.map((o) => o.id)).toEqual(['b']);
		expect(filterOrders(orders, EMPTY_ORDER_FILTER).map((o) => o.id)).toEqual(['a', 'b']);
	});
});
