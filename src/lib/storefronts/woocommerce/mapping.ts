import { Address } from '$lib/domain/address';
import { parsePriceToCents } from '$lib/domain/money';
import { readStoreState, type StoreState } from '$lib/domain/store-state';
import type { StoreOrder, StoreShipment } from '../types';
import type { WooOrder } from './api-schemas';

/** Pure conversions between WooCommerce's wire format and ours. */

/** WooCommerce dates in `_gmt` fields carry no zone: they are UTC. */
export function gmtToIso(value: string): string {
	return new Date(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`).toISOString();
}

/** The order's state in the store, read by the one rule every way in shares (store-state.ts). */
export function storeState(order: Pick<WooOrder, 'status'>): StoreState {
	return readStoreState({ store: 'woocommerce', status: order.status });
}

export function adminUrl(base: string, id: number): string {
	return `${base}/wp-admin/post.php?post=${id}&action=edit`;
}

export function toStoreOrder(
	base: string,
	order: WooOrder
): { order: StoreOrder } | { problem: string } {
	const s = order.shipping;
	const name = `${s.first_name} ${s.last_name}`.trim();
	const shipTo = Address.safeParse({
		name,
		...(s.company ? { company: s.company } : {}),
		line1: s.address_1,
		...(s.address_2 ? { line2: s.address_2 } : {}),
		city: s.city,
		state: s.state,
		postalCode: s.postcode,
		country: s.country,
		...(s.phone ? { phone: s.phone } : {})
	});
	if (!shipTo.success) {
		const issue = shipTo.error.issues[0];
		return {
			problem: `Order ${order.number} cannot ship from here: ${issue?.path.join('.')} ${issue?.message}.`
		};
	}
	const items = [];
	for (const line of order.line_items) {
		const cents = parsePriceToCents(line.price);
		if (!line.sku || cents === null || line.quantity < 1) {
			return { problem: `Order ${order.number}: the line "${line.name}" has no SKU or price.` };
		}
		items.push({
			storeLineId: String(line.id),
			sku: line.sku,
			title: line.name,
			quantity: line.quantity,
			unitPriceCents: cents
		});
	}
	if (items.length === 0) return { problem: `Order ${order.number} has no lines.` };
	const buyerName = `${order.billing.first_name} ${order.billing.last_name}`.trim() || name;
	return {
		order: {
			storeOrderId: String(order.id),
			number: order.number,
			createdAt: gmtToIso(order.date_created_gmt),
			updatedAt: gmtToIso(order.date_modified_gmt),
			storeState: storeState(order),
			buyer: { name: buyerName, email: order.billing.email },
			shipTo: shipTo.data,
			items,
			adminUrl: adminUrl(base, order.id)
		}
	};
}

/** The order note: carrier, every number, and the link the buyer clicks. */
export function trackingNote(
	shipment: Pick<StoreShipment, 'carrier' | 'trackingNumbers' | 'trackingUrl'>
): string {
	const numbers = shipment.trackingNumbers.join(', ');
	const link = shipment.trackingUrl ? ` Track it: ${shipment.trackingUrl}` : '';
	return `Shipped with ${shipment.carrier}, tracking ${numbers}.${link}`;
}

/**
 * Which WooCommerce email tells the buyer, so there is exactly one per shipment when the store
 * notifies: the customer note, or on the last shipment the "Completed order" email that setting
 * `completed` sends [S9] (the note then stays private). With our SMTP email notifying, notes are
 * private.
 */
export function noteIsForCustomer(
	shipment: Pick<StoreShipment, 'notifyCustomer' | 'isComplete'>
): boolean {
	return shipment.notifyCustomer && !shipment.isComplete;
}
