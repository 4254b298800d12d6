import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { Component } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Order } from '$lib/domain/order';
import type { PurchaseOrder } from '$lib/domain/purchase-order';
import type { Client } from '$lib/worker-client/client.svelte';
import WithClient from '$test-support/components/WithClient.svelte';
import NeedsAttention from './NeedsAttention.svelte';

const now = new Date('2026-11-24T15:00:00');

function po(id: string, over: Partial<PurchaseOrder>): PurchaseOrder {
	return {
		id,
		poNumber: id.toUpperCase(),
		orderId: 'o1',
		distributorId: 'pu',
		isManual: false,
		state: 'confirmed',
		shipState: 'awaiting',
		distributorRefs: [],
		shipTo: {
			name: 'Cody',
			line1: '1 Main',
			city: 'Madison',
			state: 'WI',
			postalCode: '53703',
			country: 'US'
		},
		shippingMethod: 'ground',
		leadTimeDays: 1,
		costCents: 100,
		createdAt: '2026-11-24T10:00:00.000Z',
		updatedAt: '2026-11-24T10:00:00.000Z',
		history: [],
		...over
	};
}

const order = { id: 'o1', number: '1009', state: 'dropshipped' } as Order;

function renderIt(purchaseOrders: PurchaseOrder[]) {
	const dismissTodo = vi.fn(async () => ({ ok: true, value: undefined }));
	const client = { purchaseOrders: { dismissTodo } } as unknown as Client;
	render(WithClient, {
		props: {
			client,
			component: NeedsAttention as unknown as Component<Record<string, unknown>>,
			innerProps: { orders: [order], purchaseOrders, now, qualifyingItems: 0 }
		}
	});
	return dismissTodo;
}

describe('the dashboard to-dos', () => {
	it('lists distributor backorders and cancellations with what to do, and counts them', () => {
		renderIt([
			po('rl1', { shipState: 'backordered' }),
			po('rl2', { shipState: 'cancelled' }),
			po('rl3', { state: 'failed' })
		]);
		const list = screen.getByRole('list', { name: 'Purchase orders to look at' });
		const items = within(list).getAllByRole('listitem');
		expect(items.map((i) => within(i).getAllByRole('link')[0]!.textContent)).toEqual([
			'PO RL3',
			'PO RL2',
			'PO RL1'
		]);
		expect(items[1]).toHaveTextContent('Parts Unlimited cancelled this order');
		expect(items[2]).toHaveTextContent('on backorder: wait, or cancel it there');
		// A failure is dealt with on the PO page, not put away from here.
		expect(within(items[0]!).queryByRole('button')).toBeNull();
		const news = screen.getByText('Backordered or cancelled').parentElement!;
		expect(news).toHaveTextContent('2');
	});

	it('lists twenty to-dos at a time, and counts them all', async () => {
		const user = userEvent.setup();
		renderIt(
			Array.from({ length: 25 }, (_, i) =>
				po(`rl${String(i).padStart(2, '0')}`, { shipState: 'backordered' })
			)
		);
		const list = screen.getByRole('list', { name: 'Purchase orders to look at' });
		expect(within(list).getAllByRole('listitem')).toHaveLength(20);
		expect(screen.getByText('Backordered or cancelled').parentElement!).toHaveTextContent('25');
		await user.click(screen.getByRole('button', { name: 'Show 5 more purchase orders' }));
		expect(within(list).getAllByRole('listitem')).toHaveLength(25);
		expect(screen.queryByRole('button', { name: /^Show / })).toBeNull();
	});

	it('puts a backorder away with Done', async () => {
		const user = userEvent.setup();
		const dismissTodo = renderIt([po('rl1', { shipState: 'backordered' })]);
		await user.click(screen.getByRole('button', { name: 'Put away PO RL1' }));
		expect(dismissTodo).toHaveBeenCalledWith({ poId: 'rl1', kind: 'backordered' });
		expect(await screen.findByText('PO RL1 put away.')).toBeInTheDocument();
	});
});
