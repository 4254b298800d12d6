import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Order } from '$lib/domain/order';
import OrdersTable from './OrdersTable.svelte';

/** What a row shows of an order (the address is not on the list). */
const order = (id: string, number: string) =>
	({
		id,
		number,
		createdAt: '2026-11-24T10:00:00.000Z',
		buyer: { name: `Buyer ${number}`, email: `${id}@example.com` },
		totalCents: 12_345,
		state: 'new',
		source: 'csv'
	}) as Order;

const orders = [order('o1', '1001'), order('o2', '1002')];
const itemsCell = (number: string) =>
	within(screen.getByRole('row', { name: new RegExp(`#${number}`) })).getAllByRole('cell')[3];

describe('OrdersTable', () => {
	it('shows the orders before their items are counted, and the counts once they are', async () => {
		const { rerender } = render(OrdersTable, { orders, itemCounts: null, caption: 'Recent' });

		expect(screen.getByRole('link', { name: '#1001' })).toBeInTheDocument();
		expect(itemsCell('1001')).toHaveTextContent('counting');
		expect(itemsCell('1001')).not.toHaveTextContent('0');

		await rerender({ orders, itemCounts: new Map([['o1', 3]]), caption: 'Recent' });
		expect(itemsCell('1001')).toHaveTextContent(/^3$/);
		// An order with no items read has none.
		expect(itemsCell('1002')).toHaveTextContent(/^0$/);
	});
});
