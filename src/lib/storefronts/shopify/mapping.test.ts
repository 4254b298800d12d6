import { describe, expect, it } from 'vitest';
import { Envelope, OrdersData } from './api-schemas';
import { fulfillmentLines, storeState, toStoreOrder } from './mapping';
import { storeHold } from '$lib/domain/store-state';
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
				storeState: {
					payment: 'paid',
					fulfilment: 'unfulfilled',
					isCancelled: false,
					statusText: 'PAID · UNFULFILLED'
				},
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

	it('takes a Canadian order as the address rules read it (eligibility decides who ships it), and refuses a broken address in words', () => {
		const mapped = toStoreOrder(SHOP, canada);
		expect(mapped).toMatchObject({
			order: { number: '1043', shipTo: { country: 'CA', state: 'ON', postalCode: 'M5H 2M9' } }
		});
		const broken = { ...canada, shippingAddress: { ...canada.shippingAddress, zip: null } };
		expect(toStoreOrder(SHOP, broken as typeof canada)).toEqual({
			problem: expect.stringMatching(/^Order #1043 cannot ship from here: postalCode/)
		});
	});

	it('reads cancelled, unpaid and fulfilled orders with the one store-state rule', () => {
		const policy = { isAuthorizedShippable: false };
		expect(storeState({ ...us, cancelledAt: '2026-12-02T00:00:00Z' })).toMatchObject({
			isCancelled: true,
			cancelledAt: '2026-12-02T00:00:00.000Z'
		});
		expect(storeHold(storeState({ ...us, displayFinancialStatus: 'PENDING' }), policy)).toBe(
			'Payment pending in the store'
		);
		expect(storeHold(storeState({ ...us, displayFulfillmentStatus: 'FULFILLED' }), policy)).toBe(
			'Already fulfilled in the store'
		);
		expect(storeHold(storeState(us), policy)).toBeNull();
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
