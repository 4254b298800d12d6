import { centsToDecimal } from '$lib/domain/money';
import { remainingQuantity, type SimStoreOrder } from '../sim-store';
import { LINES_PER_ORDER } from './constants';

/* The simulated Admin GraphQL API's wire shapes: ids, cursors and the order node it returns. */

export const gid = (type: string, n: number) => `gid://shopify/${type}/${n}`;
export const idOf = (value: unknown) => Number(String(value).split('/').pop());

export function cursorOf(order: SimStoreOrder): string {
	return btoa(JSON.stringify({ u: order.updatedAt, n: order.n }));
}

export function isAfter(order: SimStoreOrder, cursor: string | null | undefined): boolean {
	if (!cursor) return true;
	const { u, n } = JSON.parse(atob(cursor)) as { u: string; n: number };
	return order.updatedAt > u || (order.updatedAt === u && order.n > n);
}

export function fulfillmentStatus(order: SimStoreOrder): string {
	const left = order.lines.reduce((sum, line) => sum + remainingQuantity(order, line), 0);
	const total = order.lines.reduce((sum, line) => sum + line.quantity, 0);
	return left === 0 ? 'FULFILLED' : left < total ? 'PARTIALLY_FULFILLED' : 'UNFULFILLED';
}

export function orderNode(order: SimStoreOrder) {
	return {
		id: gid('Order', order.n),
		name: `#${order.number}`,
		createdAt: order.createdAt,
		updatedAt: order.updatedAt,
		email: order.email,
		cancelledAt: order.cancelledAt,
		displayFinancialStatus: order.isPaid ? 'PAID' : 'PENDING',
		displayFulfillmentStatus: fulfillmentStatus(order),
		shippingAddress: {
			name: order.name,
			company: null,
			address1: order.address.line1,
			address2: null,
			city: order.address.city,
			provinceCode: order.address.state,
			zip: order.address.zip,
			countryCodeV2: 'US',
			phone: null
		},
		lineItems: {
			nodes: order.lines.slice(0, LINES_PER_ORDER).map((line) => ({
				id: gid('LineItem', line.n),
				sku: line.sku,
				vendor: line.vendor,
				title: line.title,
				quantity: line.quantity,
				originalUnitPriceSet: {
					shopMoney: { amount: centsToDecimal(line.priceCents), currencyCode: 'USD' }
				}
			})),
			pageInfo: { hasNextPage: order.lines.length > LINES_PER_ORDER }
		}
	};
}

/** updated_at:>'…' from the search string; the only filter the adapter sends. */
export function sinceOf(query: unknown): string {
	return /updated_at:>'([^']+)'/.exec(String(query))?.[1] ?? '1970-01-01T00:00:00Z';
}
