import { describe, expect, it } from 'vitest';
import { isPastLeadTime, leadTimeDueDay } from './lead-time';
import { localDateKey } from './local-date';

// Local dates on purpose: business days are the dealer's calendar days. 2025-01-06 is a Monday.
const at = (y: number, m: number, d: number, h = 10) => new Date(y, m - 1, d, h);
const due = (created: Date, days: number) => localDateKey(leadTimeDueDay(created, days));

describe('leadTimeDueDay', () => {
	it('counts weekdays only', () => {
		expect(due(at(2025, 1, 6), 1)).toBe('2025-01-07'); // Mon + 1 → Tue
		expect(due(at(2025, 1, 9), 2)).toBe('2025-01-13'); // Thu + 2 → Mon
		expect(due(at(2025, 1, 10), 1)).toBe('2025-01-13'); // Fri + 1 → Mon
		expect(due(at(2025, 1, 6), 5)).toBe('2025-01-13'); // a full week
	});

	it('starts a weekend PO from Monday', () => {
		expect(due(at(2025, 1, 11), 1)).toBe('2025-01-13'); // Sat + 1 → Mon
		expect(due(at(2025, 1, 12), 2)).toBe('2025-01-14'); // Sun + 2 → Tue
		expect(due(at(2025, 1, 11), 0)).toBe('2025-01-13'); // Sat + 0 → Mon
	});

	it('is the same day for no lead time on a weekday', () => {
		expect(due(at(2025, 1, 8, 23), 0)).toBe('2025-01-08');
	});
});

describe('isPastLeadTime', () => {
	const po = {
		createdAt: at(2025, 1, 9, 15).toISOString(), // Thursday afternoon
		leadTimeDays: 2,
		state: 'confirmed',
		shipState: 'awaiting'
	} as const;

	it('is late only after the whole due day has passed', () => {
		expect(isPastLeadTime(po, at(2025, 1, 13, 23))).toBe(false); // due Monday, still Monday
		expect(isPastLeadTime(po, at(2025, 1, 14, 0))).toBe(true);
	});

	it('ignores POs that have shipped, failed or not been placed', () => {
		const later = at(2025, 2, 1);
		expect(isPastLeadTime({ ...po, shipState: 'shipped' }, later)).toBe(false);
		expect(isPastLeadTime({ ...po, shipState: 'partly_shipped' }, later)).toBe(false);
		expect(isPastLeadTime({ ...po, state: 'failed' }, later)).toBe(false);
		expect(isPastLeadTime({ ...po, state: 'queued' }, later)).toBe(false);
		expect(isPastLeadTime({ ...po, shipState: 'backordered' }, later)).toBe(true);
		expect(isPastLeadTime({ ...po, state: 'submitted' }, later)).toBe(true);
	});
});
