import { err, ok } from '$lib/domain/result';
import type { StorefrontAdapter, StorefrontDeps, StoreOrder } from '../types';
import { FulfillmentCreateData, FulfillmentOrdersData, OrdersData, ShopData } from './api-schemas';
import { shopifyClient } from './client';
import { ORDERS_PER_PAGE, ORDERS_QUERY_COST, SHOPIFY_NAME } from './constants';
import { existingFulfillment, fulfillmentLines, toStoreOrder, trackingInfo } from './mapping';
import {
	FULFILLMENT_CREATE,
	FULFILLMENT_ORDERS_QUERY,
	ORDERS_QUERY,
	SHOP_QUERY,
	ordersSearch
} from './queries';

/** Small queries: the cost Shopify reports for them is in the tens. */
const SMALL_COST = 20;

/** The Shopify Admin GraphQL adapter (storefronts.md §1). */
export function createShopifyAdapter(deps: StorefrontDeps): StorefrontAdapter {
	const client = shopifyClient(deps);
	return {
		id: 'shopify',

		/** `{ shop { name } }`; `auth` for a refused token, `validation` for a shop that is not name.myshopify.com. */
		async testConnection() {
			const answer = await client.graphql('ShopName', SHOP_QUERY, {}, ShopData, SMALL_COST);
			return answer.ok ? ok({ shopName: answer.value.shop.name }) : answer;
		},

		/** One page of `orders(query: "updated_at:>…")`; `rate_limited` after THROTTLED answers that did not clear. */
		async listOrdersSince(cursor) {
			const answer = await client.graphql(
				'OrdersToShip',
				ORDERS_QUERY,
				{ first: ORDERS_PER_PAGE, after: cursor.page ?? null, query: ordersSearch(cursor.since) },
				OrdersData,
				ORDERS_QUERY_COST
			);
			if (!answer.ok) return answer;
			const { nodes, pageInfo } = answer.value.orders;
			const orders: StoreOrder[] = [];
			const problems: string[] = [];
			for (const node of nodes) {
				const mapped = toStoreOrder(client.shop, node);
				if ('order' in mapped) orders.push(mapped.order);
				else problems.push(mapped.problem);
			}
			const next =
				pageInfo.hasNextPage && pageInfo.endCursor
					? { since: cursor.since, page: pageInfo.endCursor }
					: null;
			return ok({ orders, next, problems });
		},

		/**
		 * Reads the order's fulfilment orders, then `fulfillmentCreate` for the shipped lines with
		 * tracking and `notifyCustomer`. A fulfilment already carrying the tracking number is
		 * reported as done. `not_found` for an unknown order or nothing left to fulfil; `validation`
		 * with Shopify's words for a userError.
		 */
		async markShipped(order, shipment) {
			const read = await client.graphql(
				'FulfillmentOrdersForOrder',
				FULFILLMENT_ORDERS_QUERY,
				{ id: order.storeOrderId },
				FulfillmentOrdersData,
				SMALL_COST
			);
			if (!read.ok) return read;
			const current = read.value.order;
			if (!current) return err('not_found', `${SHOPIFY_NAME} has no order ${order.number}.`);
			const numbers = shipment.trackingNumbers.join(', ');
			const told = `${SHOPIFY_NAME} told: fulfilled, ${shipment.carrier} ${numbers}`;
			const already = existingFulfillment(current, shipment.trackingNumbers);
			if (already) return ok({ storeRef: already, message: told, wasAlreadyThere: true });
			const lines = fulfillmentLines(current, shipment);
			if (!lines || lines.length === 0) {
				return err(
					'not_found',
					`${SHOPIFY_NAME} shows nothing left to fulfil on order ${order.number} for this shipment.`
				);
			}
			const created = await client.graphql(
				'FulfillmentCreate',
				FULFILLMENT_CREATE,
				{
					fulfillment: {
						lineItemsByFulfillmentOrder: lines,
						trackingInfo: trackingInfo(shipment),
						notifyCustomer: shipment.notifyCustomer
					}
				},
				FulfillmentCreateData,
				SMALL_COST
			);
			if (!created.ok) return created;
			const { fulfillment, userErrors } = created.value.fulfillmentCreate;
			if (userErrors.length > 0 || !fulfillment) {
				return err(
					'validation',
					`${SHOPIFY_NAME} refused the fulfilment: ${userErrors.map((e) => e.message).join('; ')}`
				);
			}
			return ok({ storeRef: fulfillment.id, message: told, wasAlreadyThere: false });
		}
	};
}
