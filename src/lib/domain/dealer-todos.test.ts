import { describe, expect, it } from 'vitest';
import { dealerTodos, todoKind } from './dealer-todos';
import type { PurchaseOrder } from './purchase-order';

// Placed on a Monday with a one-day lead time: due Tuesday, late from Wednesday.
const placed = new Date(2026, 10, 23, 10).toISOString();
const tuesday = new Date(2026, 10, 24, 15);
const thursday = new Date(2026, 10, 26, 9);

function po(over: Partial<PurchaseOrder> = {}) {
	return {
		id: 'p1',
		poNumber: 'RL000012',
		orderId: 'o1',
		distributorId: 'wps' as const,
		state: 'confirmed' as const,
		shipState: 'awaiting' as const,
		createdAt: placed,
		leadTimeDays: 1,
		...over
	};
}

describe('dealer to-dos', () => {
	it('asks the dealer to cancel at the distributor when the store cancelled after the PO went out', () => {
		const storeCancellation = { at: placed, orderNumber: '3002' };
		const cancelled = po({ distributorId: 'pu', storeCancellation });
		const todos = dealerTodos([po({ id: 'late' }), { ...cancelled, id: 'sc' }], thursday);
		expect(todos.map((t) => [t.poId, t.kind])).toEqual([
			['sc', 'store_cancelled'],
			['late', 'late']
		]);
		expect(todos[0]?.advice).toBe(
			'Order #3002 was cancelled in the store after PO RL000012 was placed: ask Parts Unlimited to cancel.'
		);
		expect(todos[0]?.dismissible).toBe(true);
		// Already shipped, or cancelled by the distributor: nothing left to stop.
		expect(todoKind({ ...cancelled, shipState: 'shipped' }, tuesday)).toBeNull();
		expect(todoKind({ ...cancelled, state: 'cancelled' }, tuesday)).toBeNull();
		// Put away once asked.
		const dismissed = { kind: 'store_cancelled' as const, at: placed };
		expect(dealerTodos([{ ...cancelled, dismissedTodo: dismissed }], tuesday)).toEqual([]);
	});

	it('turns a distributor backorder and a distributor cancellation into to-dos with advice', () => {
		const todos = dealerTodos(
			[po({ id: 'b', shipState: 'backordered' }), po({ id: 'c', shipState: 'cancelled' })],
			tuesday
		);
		expect(todos.map((t) => [t.poId, t.kind])).toEqual([
			['c', 'cancelled'],
			['b', 'backordered']
		]);
		expect(todos[0]!.advice).toMatch(/Western Power Sports cancelled this order: drop-ship/);
		expect(todos[1]!.advice).toMatch(/on backorder: wait, or cancel/);
	});

	it('does not flag a cancellation the dealer asked for and the distributor confirmed', () => {
		const asked = po({
			shipState: 'cancelled',
			cancelRequest: { requestedAt: placed, outcome: 'confirmed' }
		});
		expect(todoKind(asked, tuesday)).toBeNull();
		expect(todoKind({ ...asked, cancelRequest: undefined }, tuesday)).toBe('cancelled');
	});

	it('flags a PO late only after its lead time, and never a shipped one', () => {
		expect(todoKind(po(), tuesday)).toBeNull();
		expect(todoKind(po(), thursday)).toBe('late');
		expect(todoKind(po({ shipState: 'shipped' }), thursday)).toBeNull();
	});

	it('keeps placement trouble first and not dismissible', () => {
		const todos = dealerTodos(
			[
				po({ id: 'late' }),
				po({ id: 'lost', state: 'unknown' }),
				po({ id: 'bad', state: 'failed' })
			],
			thursday
		);
		expect(todos.map((t) => t.poId)).toEqual(['bad', 'lost', 'late']);
		expect(todos.map((t) => t.dismissible)).toEqual([false, false, true]);
	});

	it('hides a dismissed to-do until the PO needs something else', () => {
		const dismissed = { kind: 'backordered' as const, at: placed };
		expect(
			dealerTodos([po({ shipState: 'backordered', dismissedTodo: dismissed })], tuesday)
		).toEqual([]);
		const nowCancelled = dealerTodos(
			[po({ shipState: 'cancelled', dismissedTodo: dismissed })],
			tuesday
		);
		expect(nowCancelled.map((t) => t.kind)).toEqual(['cancelled']);
	});
});
