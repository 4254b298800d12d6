import { Address } from '$lib/domain/address';
import { parsePriceToCents } from '$lib/domain/money';
import { readStoreState, type StoreState } from '$lib/domain/store-state';
import type { StoreOrder, StoreShipment } from '../types';
import type { FulfillmentOrdersData, ShopifyOrder } from './api-schemas';

/** Pure conversions between Shopify's wire format and ours; nothing here calls the network. */

/** The order's state in the shop, read by the one rule every way in shares (store-state.ts). */
export function storeState(
	order: Pick<ShopifyOrder, 'cancelledAt' | 'displayFinancialStatus' | 'displayFulfillmentStatus'>
): StoreState {
	return readStoreState({
		store: 'shopify',
		financialStatus: order.displayFinancialStatus,
		fulfillmentStatus: order.displayFulfillmentStatus,
		cancelledAt: order.cancelledAt
	});
}

/** The order in the shop's admin: `gid://shopify/Order/5512` → …/admin/orders/5512. */
export function adminUrl(shop: string, gid: string): string {
	return `https://${shop}/admin/orders/${gid.split('/').pop() ?? gid}`;
}

/** One Shopify order in our terms, or the reason it cannot come in. */
export function toStoreOrder(
	shop: string,
	order: ShopifyOrder
): { order: StoreOrder } | { problem: string } {
	const address = order.shippingAddress;
	if (!address) return { problem: `Order ${order.name} has no shipping address.` };
	if (order.lineItems.pageInfo.hasNextPage) {
		return { problem: `Order ${order.name} has more lines than a sync reads; import it by CSV.` };
	}
	const shipTo = Address.safeParse({
		name: address.name ?? '',
		...(address.company ? { company: address.company } : {}),
		line1: address.address1 ?? '',
		...(address.address2 ? { line2: address.address2 } : {}),
		city: address.city ?? '',
		state: address.provinceCode ?? '',
		postalCode: address.zip ?? '',
		country: address.countryCodeV2 ?? '',
		...(address.phone ? { phone: address.phone } : {})
	});
	if (!shipTo.success) {
		const issue = shipTo.error.issues[0];
		return {
			problem: `Order ${order.name} cannot ship from here: ${issue?.path.join('.')} ${issue?.message}.`
		};
	}
	const items = [];
	for (const line of order.lineItems.nodes) {
		const cents = parsePriceToCents(line.originalUnitPriceSet.shopMoney.amount);
		if (!line.sku || cents === null || line.quantity < 1) {
			return { problem: `Order ${order.name}: the line "${line.title}" has no SKU or price.` };
		}
		items.push({
			storeLineId: line.id,
			sku: line.sku,
			title: line.title,
			...(line.vendor ? { brand: line.vendor } : {}),
			quantity: line.quantity,
			unitPriceCents: cents
		});
	}
	if (items.length === 0) return { problem: `Order ${order.name} has no lines.` };
	return {
		order: {
			storeOrderId: order.id,
			// "#1042" → "1042": the number as the CSV import stores it (order-csv.ts), so an order
			// imported from Shopify's export first is the same order here.
			number: order.name.replace(/^#/, ''),
			createdAt: new Date(order.createdAt).toISOString(),
			updatedAt: new Date(order.updatedAt).toISOString(),
			storeState: storeState(order),
			buyer: { name: shipTo.data.name, email: order.email ?? '' },
			shipTo: shipTo.data,
			items,
			adminUrl: adminUrl(shop, order.id)
		}
	};
}

type FulfillmentOrders = NonNullable<FulfillmentOrdersData['order']>;

/** The fulfilment already carrying one of these tracking numbers, if any (a lost answer). */
export function existingFulfillment(
	order: FulfillmentOrders,
	trackingNumbers: readonly string[]
): string | null {
	const wanted = new Set(trackingNumbers.map((n) => n.toUpperCase()));
	const found = order.fulfillments.find((f) =>
		f.trackingInfo.some((t) => t.number !== null && wanted.has(t.number.toUpperCase()))
	);
	return found?.id ?? null;
}

/**
 * `lineItemsByFulfillmentOrder` for a shipment: each of our lines matched to the open
 * fulfilment-order line of the same order line, never more than it still has to fulfil. Null
 * when a line has nothing left to fulfil anywhere.
 */
export function fulfillmentLines(
	order: FulfillmentOrders,
	shipment: Pick<StoreShipment, 'lines'>
):
	| { fulfillmentOrderId: string; fulfillmentOrderLineItems: { id: string; quantity: number }[] }[]
	| null {
	const groups = new Map<string, { id: string; quantity: number }[]>();
	for (const line of shipment.lines) {
		let left = line.quantity;
		for (const fo of order.fulfillmentOrders.nodes) {
			if (!['OPEN', 'IN_PROGRESS'].includes(fo.status)) continue;
			for (const foLine of fo.lineItems.nodes) {
				if (left === 0 || foLine.lineItem.id !== line.storeLineId) continue;
				const quantity = Math.min(left, foLine.remainingQuantity);
				if (quantity === 0) continue;
				left -= quantity;
				groups.set(fo.id, [...(groups.get(fo.id) ?? []), { id: foLine.id, quantity }]);
			}
		}
		if (left === line.quantity) return null;
	}
	return [...groups].map(([fulfillmentOrderId, fulfillmentOrderLineItems]) => ({
		fulfillmentOrderId,
		fulfillmentOrderLineItems
	}));
}

/** `trackingInfo`: the carrier name Shopify knows, every number, and our link for the first. */
export function trackingInfo(
	shipment: Pick<StoreShipment, 'carrier' | 'trackingNumbers' | 'trackingUrl'>
) {
	return {
		company: shipment.carrier,
		numbers: shipment.trackingNumbers,
		...(shipment.trackingUrl ? { urls: [shipment.trackingUrl] } : {})
	};
}
