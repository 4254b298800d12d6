import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { PoState, PurchaseOrder } from '$lib/domain/purchase-order';
import WaitingPos from './WaitingPos.svelte';

const at = '2026-11-20T15:00:00.000Z';

function po(poNumber: string, state: PoState, isManual = false): PurchaseOrder {
	return {
		id: `po-${poNumber}`,
		poNumber,
		orderId: 'order-1',
		distributorId: 'pu',
		isManual,
		state,
		shipState: 'awaiting',
		distributorRefs: [],
		shipTo: {
			name: 'Cody Walters',
			line1: '22 E Mifflin St',
			city: 'Madison',
			state: 'WI',
			postalCode: '53703',
			country: 'US'
		},
		shippingMethod: 'ground',
		leadTimeDays: 1,
		costCents: 4420,
		createdAt: at,
		updatedAt: at,
		history: [{ at, state }]
	};
}

describe('WaitingPos', () => {
	it('says which POs wait for the network, in a live region', () => {
		render(WaitingPos, {
			purchaseOrders: [po('RL000001', 'queued'), po('RL000002', 'submitted')]
		});
		const region = screen.getByRole('status');
		expect(region).toHaveTextContent(
			"PO RL000001: Waiting for the network — will be placed when you're back online."
		);
		expect(region).not.toHaveTextContent('RL000002');
	});

	it('keeps the live region empty when nothing waits, so its first sentence is announced', () => {
		render(WaitingPos, {
			purchaseOrders: [po('RL000003', 'submitted'), po('RL000004', 'cancelled')]
		});
		const region = screen.getByRole('status');
		expect(region.textContent?.trim()).toBe('');
		expect(region.querySelectorAll('p')).toHaveLength(0);
	});
});
