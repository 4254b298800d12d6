import { describe, expect, it } from 'vitest';
import { Envelope, OrdersData } from './api-schemas';
import { fulfillmentLines, storeStatus, toStoreOrder } from './mapping';
import ordersPage from './fixtures/orders-page.json';
import throttled from './fixtures/throttled.json';
import fulfillmentCreate from './fixtures/fulfillment-create.json';
import { FulfillmentCreateData } from './api-schemas';

const SHOP = 'ridge-line.myshopify.com';
const page = OrdersData.parse(Envelope.parse(ordersPage).data);
const [us, canada] = page.orders.nodes;
if (!us || !canada) throw new Error('fixture has two orders');

describe('Shopify mapping (fixtures shaped as shopify.dev shows them)', () => {
	it('maps a documented order into ours: name, buyer, address, SKU, vendor, cents', () => {
		expect(toStoreOrder(SHOP, us)).toEqual({
			order: {
				storeOrderId: 'gid://shopify/Order/148977776',
				number: '1042',
				createdAt: '2026-12-01T16:02:11.000Z',
				updatedAt: '2026-12-01T16:05:40.000Z',
				status: 'open',
				buyer: { name: 'Bob Norman', email: 'bob.norman@mail.example.com' },
				shipTo: {
					name: 'Bob Norman',
					line1: 'Chestnut Street 92',
					city: 'Louisville',
					state: 'KY',
					postalCode: '40202',
					country: 'US',
					phone: '+1(502)-459-2181'
				},
				items: [
					{
						storeLineId: 'gid://shopify/LineItem/466157049',
						sku: 'PU0101-1234',
						title: 'Moose Racing Oil Filter',
						brand: 'Moose Racing',
						quantity: 2,
						unitPriceCents: 1299
					}
				],
				adminUrl: `https://${SHOP}/admin/orders/148977776`
			}
		});
	});

	it('refuses an order shipping abroad in words instead of importing half of it', () => {
		expect(toStoreOrder(SHOP, canada)).toEqual({
			problem: expect.stringMatching(/^Order #1043 cannot ship from here: state/)
		});
	});

	it('tells cancelled, unpaid and fulfilled orders apart', () => {
		expect(storeStatus({ ...us, cancelledAt: '2026-12-02T00:00:00Z' })).toBe('cancelled');
		expect(storeStatus({ ...us, displayFinancialStatus: 'PENDING' })).toBe('unpaid');
		expect(storeStatus({ ...us, displayFulfillmentStatus: 'FULFILLED' })).toBe('fulfilled');
	});

	it('reads the THROTTLED answer and the fulfilment payload', () => {
		const answer = Envelope.parse(throttled);
		expect(answer.errors?.[0]?.extensions?.code).toBe('THROTTLED');
		expect(answer.extensions?.cost?.throttleStatus.restoreRate).toBe(100);
		const created = FulfillmentCreateData.parse(Envelope.parse(fulfillmentCreate).data);
		expect(created.fulfillmentCreate.fulfillment?.id).toBe('gid://shopify/Fulfillment/1069019862');
	});

	it('never asks to fulfil more than a fulfilment-order line has left', () => {
		const order = {
			id: 'o',
			fulfillments: [],
			fulfillmentOrders: {
				nodes: [
					{
						id: 'fo1',
						status: 'OPEN',
						lineItems: {
							nodes: [{ id: 'fol1', remainingQuantity: 1, lineItem: { id: 'li1', sku: 'X' } }]
						}
					}
				]
			}
		};
		expect(fulfillmentLines(order, { lines: [{ storeLineId: 'li1', quantity: 3 }] })).toEqual([
			{ fulfillmentOrderId: 'fo1', fulfillmentOrderLineItems: [{ id: 'fol1', quantity: 1 }] }
		]);
		expect(fulfillmentLines(order, { lines: [{ storeLineId: 'li2', quantity: 1 }] })).toBeNull();
	});
});
