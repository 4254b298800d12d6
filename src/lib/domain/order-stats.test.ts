import { describe, expect, it } from 'vitest';
import { automationAdvice, averagePerDay, ordersPerDay, unitsPerOrder } from './order-stats';

const now = new Date(2025, 0, 30, 15);
const at = (d: number, h = 12) => new Date(2025, 0, d, h).toISOString();

describe('ordersPerDay', () => {
	it('buckets by local day over the last 30 days, today last, empty days kept', () => {
		const days = ordersPerDay([at(30), at(30, 1), at(29), at(1), at(2)], now);
		expect(days).toHaveLength(30);
		expect(days[0]).toEqual({ date: '2025-01-01', count: 1 });
		expect(days[1]).toEqual({ date: '2025-01-02', count: 1 });
		expect(days[28]).toEqual({ date: '2025-01-29', count: 1 });
		expect(days[29]).toEqual({ date: '2025-01-30', count: 2 });
		expect(days.reduce((n, d) => n + d.count, 0)).toBe(5);
	});

	it('leaves out orders older than the window', () => {
		expect(ordersPerDay([new Date(2024, 11, 31).toISOString()], now).every((d) => !d.count)).toBe(
			true
		);
	});
});

describe('averagePerDay', () => {
	it('averages from the first day with an order to today', () => {
		// 28 orders over the last 14 days: the demo shop's pace.
		const createdAts = Array.from({ length: 28 }, (_, i) => at(17 + Math.floor(i / 2)));
		expect(averagePerDay(ordersPerDay(createdAts, new Date(2025, 0, 30, 23)))).toBe(2);
	});

	it('is zero with no orders', () => {
		expect(averagePerDay(ordersPerDay([], now))).toBe(0);
	});
});

describe('automationAdvice', () => {
	it('says where the dealer stands', () => {
		expect(automationAdvice(2)).toBe(
			'You average 2.0 orders a day; automation pays off from about 10.'
		);
		expect(automationAdvice(12.34)).toMatch(/^You average 12.3 orders a day: automation pays off/);
	});
});

describe('unitsPerOrder', () => {
	it('adds up the quantities of each order', () => {
		const units = unitsPerOrder([
			{ orderId: 'a', quantity: 1 },
			{ orderId: 'a', quantity: 2 },
			{ orderId: 'b', quantity: 1 }
		]);
		expect(units.get('a')).toBe(3);
		expect(units.get('b')).toBe(1);
		expect(units.get('c')).toBeUndefined();
	});
});
