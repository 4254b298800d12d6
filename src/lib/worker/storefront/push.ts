import { trackingUrl } from '$lib/domain/carriers';
import type { Order } from '$lib/domain/order';
import type { Shipment } from '$lib/domain/purchase-order';
import type { AppError } from '$lib/domain/result';
import type { StorePush } from '$lib/domain/storefront';
import type { StoreShipment } from '$lib/storefronts/types';
import type { ApiDeps } from '../core/deps';
import { storefrontFor } from './connection';

/** After this many failed attempts a push stops retrying by itself and waits for the dealer. */
export const MAX_PUSH_ATTEMPTS = 5;

/** Failures worth asking again: the store was busy or unreachable. The rest wait for the dealer. */
const RETRYABLE = new Set<AppError['code']>(['transient', 'rate_limited', 'locked']);

/**
 * Queues one push per new shipment of a store order. Call inside the transaction that stored the
 * shipments, with storePushes in its scope; `&shipmentId` makes a second queueing impossible.
 */
export async function queueStorePushes(
	deps: ApiDeps,
	order: Order,
	shipments: readonly Shipment[],
	notifyCustomer: boolean
): Promise<void> {
	if (!order.store) return;
	for (const shipment of shipments) {
		if (shipment.trackingNumbers.length === 0) continue;
		if (await deps.db.storePushes.where('shipmentId').equals(shipment.id).count()) continue;
		await deps.db.storePushes.add({
			// Named by its shipment: two devices that sync (worker/sync) queue the same record, not two.
			id: `push:${shipment.id}`,
			shipmentId: shipment.id,
			orderId: order.id,
			storefrontId: order.store.storefrontId,
			notifyCustomer,
			state: 'queued',
			attempts: 0,
			createdAt: deps.now().toISOString()
		});
	}
}

/** Claims a push (compare-and-set), so two rounds never send it at once. */
async function claim(deps: ApiDeps, id: string): Promise<StorePush | null> {
	return deps.writes.run(() =>
		deps.db.transaction('rw', deps.db.storePushes, async () => {
			const push = await deps.db.storePushes.get(id);
			// `sending` here is a round a closed tab never finished: the store is asked first
			// (markShipped finds what it already shows), so taking it over sends nothing twice.
			if (!push || !['queued', 'retrying', 'sending'].includes(push.state)) return null;
			const next: StorePush = { ...push, state: 'sending', attempts: push.attempts + 1 };
			await deps.db.storePushes.put(next);
			return next;
		})
	);
}

/** The shipment in the store's terms: its lines by the store's line ids. */
async function storeShipment(
	deps: ApiDeps,
	push: StorePush,
	order: Order,
	shipment: Shipment
): Promise<StoreShipment> {
	const db = deps.db;
	const [poLines, items, others] = await Promise.all([
		db.poLines.where('poId').equals(shipment.poId).toArray(),
		db.orderItems.where('orderId').equals(order.id).toArray(),
		db.storePushes.where('orderId').equals(order.id).toArray()
	]);
	const shipped =
		shipment.lines.length > 0
			? shipment.lines.map((l) => ({
					line: poLines.find((pl) => pl.sku.toUpperCase() === l.sku.toUpperCase()),
					quantity: l.quantity
				}))
			: poLines.map((pl) => ({ line: pl, quantity: pl.quantity }));
	const lines = shipped.flatMap(({ line, quantity }) => {
		const storeLineId = items.find((i) => i.id === line?.orderItemId)?.storeLineId;
		return storeLineId && quantity > 0 ? [{ storeLineId, quantity }] : [];
	});
	const first = shipment.trackingNumbers[0] ?? '';
	const url = first ? trackingUrl(first, shipment.carrier) : null;
	// The last shipment of an order that has shipped completely: every other push is done.
	const isComplete =
		['shipped', 'done'].includes(order.state) &&
		others.every((p) => p.id === push.id || p.state === 'done');
	return {
		carrier: shipment.carrier,
		trackingNumbers: shipment.trackingNumbers,
		...(url ? { trackingUrl: url } : {}),
		lines,
		notifyCustomer: push.notifyCustomer,
		isComplete
	};
}

/**
 * Tells the store about every queued shipment, oldest first, exactly once each: claimed before
 * the call, and the store asked what it already shows before it is told anything. A busy store
 * leaves the push to retry on the next round; a refusal waits for the dealer with the reason.
 */
export async function sendStorePushes(
	deps: ApiDeps
): Promise<{ sent: number; failed: number; heldBack?: AppError }> {
	const pending = await deps.db.storePushes
		.where('state')
		.anyOf('queued', 'retrying', 'sending')
		.sortBy('createdAt');
	if (pending.length === 0) return { sent: 0, failed: 0 };
	const built = await storefrontFor(deps);
	if (!built.ok) return { sent: 0, failed: 0, heldBack: built.error };
	let sent = 0;
	let failed = 0;
	for (const { id } of pending) {
		const push = await claim(deps, id);
		if (!push) continue;
		const [order, shipment] = await Promise.all([
			deps.db.orders.get(push.orderId),
			deps.db.shipments.get(push.shipmentId)
		]);
		const store = order?.store;
		let result;
		if (!order || !shipment || !store) {
			result = {
				ok: false as const,
				error: {
					code: 'not_found' as const,
					message: 'The order or its shipment is no longer here.'
				}
			};
		} else {
			result = await built.value.adapter.markShipped(
				{ storeOrderId: store.orderId, number: order.number },
				await storeShipment(deps, push, order, shipment)
			);
		}
		const now = deps.now().toISOString();
		const change: Partial<StorePush> = result.ok
			? { state: 'done', message: result.value.message, doneAt: now, lastError: undefined }
			: {
					state:
						RETRYABLE.has(result.error.code) && push.attempts < MAX_PUSH_ATTEMPTS
							? 'retrying'
							: 'failed',
					lastError: result.error.message
				};
		await deps.writes.run(() => deps.db.storePushes.update(id, change));
		if (result.ok) sent += 1;
		else failed += 1;
	}
	return { sent, failed };
}
