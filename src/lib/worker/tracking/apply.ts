import type { OrderStatusResult, ShipmentInfo } from '$lib/distributors/types';
import { carrierOf, normaliseTrackingNumber, trackingUrl } from '$lib/domain/carriers';
import { DEFAULT_TEMPLATES, EmailTemplates, renderShipmentEmail } from '$lib/domain/email-template';
import type { OutboxEmail } from '$lib/domain/outbox';
import type { PurchaseOrder, ShipState, Shipment } from '$lib/domain/purchase-order';
import { readSettings } from '$lib/db/writes';
import type { ApiDeps } from '../core/deps';
import { whoTellsBuyer } from '$lib/domain/storefront';
import { readConnection } from '../storefront/connection';
import { queueStorePushes } from '../storefront/push';
import { movePo, refreshOrderState, withState } from '../purchase-orders/records';

const SHIP_STATE: Record<OrderStatusResult['status'], ShipState> = {
	open: 'awaiting',
	backordered: 'backordered',
	partially_shipped: 'partly_shipped',
	shipped: 'shipped',
	invoiced: 'shipped',
	cancelled: 'cancelled',
	rejected: 'cancelled'
};

/** One stored shipment per distributor shipment: the same answer read twice changes nothing. */
export function shipmentId(poId: string, info: ShipmentInfo): string {
	const numbers = info.trackingNumbers.map(normaliseTrackingNumber).sort().join('+');
	return `${poId}:${info.distributorRef}:${numbers}`;
}

/** One email per shipment, across reloads and tabs: order + tracking numbers. */
export function emailKey(orderId: string, info: Pick<ShipmentInfo, 'trackingNumbers'>): string {
	return `${orderId}:${info.trackingNumbers.map(normaliseTrackingNumber).sort().join('+')}`;
}

export async function readTemplates(deps: ApiDeps): Promise<EmailTemplates> {
	const row = await deps.db.settings.get('emailTemplates');
	const parsed = EmailTemplates.safeParse(row?.value);
	return parsed.success ? parsed.data : DEFAULT_TEMPLATES;
}

/**
 * Stores what a distributor said about one PO: new shipments (each once), the PO's ship state,
 * the order's fulfilment state, and one queued email per new shipment with tracking numbers.
 * Returns how many shipments were new.
 */
export async function applyStatus(
	deps: ApiDeps,
	po: PurchaseOrder,
	status: OrderStatusResult
): Promise<number> {
	const db = deps.db;
	const settings = await readSettings(db);
	const templates = await readTemplates(deps);
	const connection = await readConnection(deps);
	return deps.writes.run(() =>
		db.transaction(
			'rw',
			[
				db.shipments,
				db.outbox,
				db.purchaseOrders,
				db.orders,
				db.orderItems,
				db.poLines,
				db.settings,
				db.storePushes
			],
			async () => {
				let added = 0;
				const now = deps.now().toISOString();
				const fresh: Shipment[] = [];
				for (const info of status.shipments) {
					const id = shipmentId(po.id, info);
					if (await db.shipments.get(id)) continue;
					const first = info.trackingNumbers[0] ?? '';
					const shipment: Shipment = {
						id,
						poId: po.id,
						carrier: first ? carrierOf(first, info.carrier) : info.carrier,
						...(info.service ? { service: info.service } : {}),
						trackingNumbers: info.trackingNumbers.map(normaliseTrackingNumber),
						...(info.shipDate ? { shipDate: info.shipDate } : {}),
						...(info.warehouse ? { warehouse: info.warehouse } : {}),
						lines: info.lines,
						receivedAt: now
					};
					await db.shipments.add(shipment);
					fresh.push(shipment);
					added += 1;
				}
				const shipState = SHIP_STATE[status.status];
				const updated = await movePo(db, po.id, 'report', (p, to) => {
					let next: PurchaseOrder = { ...p, shipState, updatedAt: now };
					if (status.distributorRefs.length > 0) next.distributorRefs = status.distributorRefs;
					if (to !== p.state)
						next = withState(next, to, deps.now(), 'The distributor reports the order');
					if (shipState !== p.shipState)
						next.history = [
							...next.history,
							{ at: now, state: next.state, note: `Now ${shipState.replace('_', ' ')}` }
						];
					// A status word this app does not know is recorded once, not on every poll.
					const note = status.statusNote;
					if (note && !next.history.some((h) => h.note === note))
						next.history = [...next.history, { at: now, state: next.state, note }];
					return next;
				});
				await refreshOrderState(db, po.orderId);
				if (fresh.length > 0 && updated) {
					// One email per shipment, decided once: the store tells the buyer, or we do.
					const order = await db.orders.get(po.orderId);
					const notifier = order ? whoTellsBuyer(order, connection) : 'smtp';
					if (notifier === 'smtp')
						await queueEmails(deps, updated, fresh, settings.dealer.name, templates);
					if (order?.store && order.store.storefrontId === connection?.storefrontId)
						await queueStorePushes(deps, order, fresh, notifier === 'store');
				}
				return added;
			}
		)
	);
}

async function queueEmails(
	deps: ApiDeps,
	po: PurchaseOrder,
	shipments: readonly Shipment[],
	dealerName: string,
	templates: EmailTemplates
): Promise<void> {
	const db = deps.db;
	const order = await db.orders.get(po.orderId);
	if (!order) return;
	const lines = await db.poLines.where('poId').equals(po.id).toArray();
	const items = await db.orderItems.where('orderId').equals(order.id).toArray();
	const settings = await readSettings(db);
	for (const shipment of shipments) {
		const number = shipment.trackingNumbers[0];
		if (!number) continue;
		const dedupeKey = emailKey(order.id, shipment);
		if (await db.outbox.where('dedupeKey').equals(dedupeKey).count()) continue;
		const shipped =
			shipment.lines.length > 0
				? shipment.lines.map((l) => ({
						title:
							items.find((i) => lines.some((pl) => pl.sku === l.sku && pl.orderItemId === i.id))
								?.title ?? l.sku,
						quantity: l.quantity
					}))
				: lines.map((l) => ({
						title: items.find((i) => i.id === l.orderItemId)?.title ?? l.sku,
						quantity: l.quantity
					}));
		const rendered = renderShipmentEmail(templates, {
			orderNumber: order.number,
			buyerName: order.buyer.name,
			dealerName,
			carrier: shipment.carrier,
			trackingNumber: number,
			trackingUrl: trackingUrl(number, shipment.carrier),
			items: shipped,
			isPartial: order.state !== 'shipped'
		});
		const email: OutboxEmail = {
			id: deps.newId(),
			dedupeKey,
			orderId: order.id,
			poId: po.id,
			trackingNumber: number,
			carrier: shipment.carrier,
			to: order.buyer.email,
			...(settings.dealer.replyTo ? { replyTo: settings.dealer.replyTo } : {}),
			...rendered,
			state: 'queued',
			attempts: 0,
			createdAt: deps.now().toISOString()
		};
		await db.outbox.add(email);
	}
}
