import { describe, expect, it } from 'vitest';
import { WooError, WooNote, WooOrders } from './api-schemas';
import { gmtToIso, noteIsForCustomer, storeState, toStoreOrder, trackingNote } from './mapping';
import { storeHold } from '$lib/domain/store-state';
import ordersPage from './fixtures/orders-page.json';
import noteCreated from './fixtures/note-created.json';
import invalidId from './fixtures/error-invalid-id.json';

const BASE = 'https://shop.example.com';
const [order] = WooOrders.parse(ordersPage);
if (!order) throw new Error('fixture has an order');

describe('WooCommerce mapping (fixtures shaped as the REST API docs show them)', () => {
	it('reads _gmt dates as UTC', () => {
		expect(gmtToIso('2026-12-01T16:02:11')).toBe('2026-12-01T16:02:11.000Z');
	});

	it('refuses an order with a line without SKU, naming it', () => {
		expect(toStoreOrder(BASE, order)).toEqual({
			problem:
				'Order 727: the line "Ship Your Idea – Color: Black, Size: M Test" has no SKU or price.'
		});
	});

	it('maps a documented order into ours', () => {
		const single = { ...order, line_items: order.line_items.slice(0, 1) };
		expect(toStoreOrder(BASE, single)).toEqual({
			order: {
				storeOrderId: '727',
				number: '727',
				createdAt: '2026-12-01T16:02:11.000Z',
				updatedAt: '2026-12-01T16:05:40.000Z',
				storeState: {
					payment: 'paid',
					fulfilment: 'unfulfilled',
					isCancelled: false,
					statusText: 'processing'
				},
				buyer: { name: 'John Doe', email: 'john.doe@example.com' },
				shipTo: {
					name: 'John Doe',
					line1: '969 Market',
					city: 'San Francisco',
					state: 'CA',
					postalCode: '94103',
					country: 'US'
				},
				items: [
					{
						storeLineId: '315',
						sku: 'TR123456',
						title: 'Woo Single #1',
						quantity: 2,
						unitPriceCents: 600
					}
				],
				adminUrl: `${BASE}/wp-admin/post.php?post=727&action=edit`
			}
		});
	});

	it('tells store statuses apart and reads notes and errors', () => {
		const policy = { isAuthorizedShippable: false };
		expect(storeState({ status: 'cancelled' }).isCancelled).toBe(true);
		expect(storeHold(storeState({ status: 'refunded' }), policy)).toBe('Refunded in the store');
		expect(storeHold(storeState({ status: 'on-hold' }), policy)).toBe(
			'On hold in the store, waiting for payment'
		);
		expect(storeHold(storeState({ status: 'completed' }), policy)).toBe(
			'Already fulfilled in the store'
		);
		expect(WooNote.parse(noteCreated).customer_note).toBe(true);
		expect(WooError.parse(invalidId).message).toBe('Invalid ID.');
	});

	it('one WooCommerce email per shipment when the store tells the buyer: the note, or Completed on the last', () => {
		expect(noteIsForCustomer({ notifyCustomer: true, isComplete: false })).toBe(true);
		expect(noteIsForCustomer({ notifyCustomer: true, isComplete: true })).toBe(false);
		expect(noteIsForCustomer({ notifyCustomer: false, isComplete: false })).toBe(false);
		expect(
			trackingNote({
				carrier: 'UPS',
				trackingNumbers: ['1Z1'],
				trackingUrl: 'https://ups.example/1Z1'
			})
		).toBe('Shipped with UPS, tracking 1Z1. Track it: https://ups.example/1Z1');
	});
});
