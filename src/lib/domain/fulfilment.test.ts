import { describe, expect, it } from 'vitest';
import { fulfilmentState, openQuantity } from './fulfilment';

const items = [
	{ id: 'i1', quantity: 2 },
	{ id: 'i2', quantity: 1 }
];

describe('fulfilment state', () => {
	it('does not wait for lines that are not ours to ship: done when none is left', () => {
		const gift = { id: 'g', quantity: 1, sku: '', requiresShipping: false };
		const fulfilled = { id: 'f', quantity: 1, sku: 'PU1', storeFulfilment: 'fulfilled' as const };
		const pos = [{ id: 'p1', state: 'submitted', shipState: 'shipped' }] as const;
		const line = { poId: 'p1', orderItemId: 'i2', quantity: 1 };
		expect(fulfilmentState([gift, fulfilled], [], [])).toBe('done');
		expect(fulfilmentState([items[1]!, gift], [], [])).toBe('new');
		expect(fulfilmentState([items[1]!, gift], pos, [line])).toBe('shipped');
		expect(fulfilmentState([items[1]!, gift], pos, [line], true)).toBe('cancelled');
	});

	it('is new with no POs', () => {
		expect(fulfilmentState(items, [], [])).toBe('new');
	});

	it('is partly drop-shipped when one item is on a PO, drop-shipped when all are', () => {
		const pos = [{ id: 'p1', state: 'submitted', shipState: 'awaiting' }] as const;
		expect(fulfilmentState(items, pos, [{ poId: 'p1', orderItemId: 'i1', quantity: 2 }])).toBe(
			'partly_dropshipped'
		);
		expect(
			fulfilmentState(items, pos, [
				{ poId: 'p1', orderItemId: 'i1', quantity: 2 },
				{ poId: 'p1', orderItemId: 'i2', quantity: 1 }
			])
		).toBe('dropshipped');
	});

	it('counts a split item as covered only when both POs together cover it', () => {
		const pos = [
			{ id: 'p1', state: 'submitted', shipState: 'awaiting' },
			{ id: 'p2', state: 'submitted', shipState: 'awaiting' }
		] as const;
		const lines = [
			{ poId: 'p1', orderItemId: 'i1', quantity: 1 },
			{ poId: 'p2', orderItemId: 'i1', quantity: 1 },
			{ poId: 'p2', orderItemId: 'i2', quantity: 1 }
		];
		expect(fulfilmentState(items, pos, lines)).toBe('dropshipped');
		expect(openQuantity(items[0]!, pos, lines.slice(0, 1))).toBe(1);
	});

	it('ignores failed POs, and moves to partly shipped / shipped with the goods', () => {
		const lines = [
			{ poId: 'p1', orderItemId: 'i1', quantity: 2 },
			{ poId: 'p1', orderItemId: 'i2', quantity: 1 }
		];
		expect(
			fulfilmentState(items, [{ id: 'p1', state: 'failed', shipState: 'awaiting' }], lines)
		).toBe('new');
		expect(
			fulfilmentState(items, [{ id: 'p1', state: 'submitted', shipState: 'partly_shipped' }], lines)
		).toBe('partly_shipped');
		expect(
			fulfilmentState(items, [{ id: 'p1', state: 'confirmed', shipState: 'shipped' }], lines)
		).toBe('shipped');
		expect(fulfilmentState(items, [], [], true)).toBe('cancelled');
	});

	it('frees an item whose PO the distributor cancelled, so it can be drop-shipped again', () => {
		const lines = [{ poId: 'p1', orderItemId: 'i1', quantity: 2 }];
		expect(
			openQuantity(items[0]!, [{ id: 'p1', state: 'confirmed', shipState: 'awaiting' }], lines)
		).toBe(0);
		expect(
			openQuantity(items[0]!, [{ id: 'p1', state: 'confirmed', shipState: 'cancelled' }], lines)
		).toBe(2);
	});
});
