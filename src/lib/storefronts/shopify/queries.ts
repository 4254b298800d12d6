import { LINES_PER_ORDER, ORDERS_PER_PAGE } from './constants';

/**
 * The GraphQL documents, each a named operation (the contract tests pin the names and variables).
 * Paid, unfulfilled orders updated since the cursor (search syntax [S4]); fulfilment through
 * fulfilment orders [S2].
 */
export const SHOP_QUERY = `query ShopName { shop { name } }`;

export const ORDERS_QUERY = `query OrdersToShip($first: Int!, $after: String, $query: String!) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    nodes {
      id name createdAt updatedAt email cancelledAt displayFinancialStatus displayFulfillmentStatus
      shippingAddress { name company address1 address2 city provinceCode zip countryCodeV2 phone }
      lineItems(first: ${LINES_PER_ORDER}) {
        nodes { id sku vendor title quantity originalUnitPriceSet { shopMoney { amount currencyCode } } }
        pageInfo { hasNextPage }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

/**
 * Every order changed since `since` [S4], not only the paid, unfulfilled ones: a cancellation, a
 * refund or a fulfilment elsewhere must reach an order already here. mapping.ts tells them apart
 * (storeStatus), and only open ones come in as new orders.
 */
export function ordersSearch(since: string): string {
	return `updated_at:>'${since}'`;
}

export const ORDERS_PAGE_SIZE = ORDERS_PER_PAGE;

export const FULFILLMENT_ORDERS_QUERY = `query FulfillmentOrdersForOrder($id: ID!) {
  order(id: $id) {
    id
    fulfillments { id trackingInfo { number } }
    fulfillmentOrders(first: 10) {
      nodes { id status lineItems(first: 50) { nodes { id remainingQuantity lineItem { id sku } } } }
    }
  }
}`;

export const FULFILLMENT_CREATE = `mutation FulfillmentCreate($fulfillment: FulfillmentInput!, $message: String) {
  fulfillmentCreate(fulfillment: $fulfillment, message: $message) {
    fulfillment { id status }
    userErrors { field message }
  }
}`;
