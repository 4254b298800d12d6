import { DISTRIBUTORS } from '$lib/domain/distributor';
import { normaliseTrackingNumber } from '$lib/domain/carriers';
import { err, ok, type Result } from '$lib/domain/result';
import { canTrack, isCancellable } from '$lib/domain/po-state';
import type { PurchaseOrder } from '$lib/domain/purchase-order';
import type { ApiDeps } from '../core/deps';
import { movePo, withState } from './records';
import { applyStatus } from '../tracking/apply';

/**
 * Tracking typed in by the dealer (a PO placed by hand, or a distributor that emailed it). It goes
 * the same way as tracking pulled from an API: stored once, PO and order shipped, one email.
 */
export async function addManualTracking(
	deps: ApiDeps,
	input: { poId: string; trackingNumber: string; carrier?: string; shipDate?: string }
): Promise<Result<PurchaseOrder>> {
	const po = await deps.db.purchaseOrders.get(input.poId);
	if (!po) return err('not_found', 'That purchase order is not here any more.');
	if (!canTrack(po.state)) {
		return err(
			'conflict',
			`PO ${po.poNumber} is ${po.state}: tracking can be added once it is placed.`
		);
	}
	const number = normaliseTrackingNumber(input.trackingNumber);
	if (!/^[A-Z0-9]{8,34}$/.test(number)) {
		return err(
			'validation',
			'That does not look like a tracking number (8 to 34 letters and digits).',
			{ field: 'trackingNumber' }
		);
	}
	const lines = await deps.db.poLines.where('poId').equals(po.id).toArray();
	await applyStatus(deps, po, {
		poNumber: po.poNumber,
		status: 'shipped',
		distributorRefs: po.distributorRefs,
		shipments: [
			{
				distributorRef: 'manual',
				carrier: input.carrier ?? '',
				trackingNumbers: [number],
				...(input.shipDate ? { shipDate: input.shipDate } : {}),
				lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity }))
			}
		]
	});
	const updated = await deps.db.purchaseOrders.get(po.id);
	return updated ? ok(updated) : err('not_found', 'That purchase order is not here any more.');
}

/** What the dealer sends the distributor to cancel: no distributor API cancels a drop-ship. */
export async function requestCancellation(
	deps: ApiDeps,
	poId: string
): Promise<Result<{ contact: string; message: string }>> {
	const po = await deps.db.purchaseOrders.get(poId);
	if (!po) return err('not_found', 'That purchase order is not here any more.');
	const order = await deps.db.orders.get(po.orderId);
	const lines = await deps.db.poLines.where('poId').equals(po.id).toArray();
	const name = DISTRIBUTORS[po.distributorId].name;
	if (po.shipState === 'shipped') return shippedInFull(po, name);
	const message = [
		`Please cancel our drop-ship order PO ${po.poNumber}${po.distributorRefs.length ? ` (your order ${po.distributorRefs.join(', ')})` : ''}.`,
		'',
		...lines.map((l) => `- ${l.quantity} × ${DISTRIBUTORS[po.distributorId].skuPrefix}${l.sku}`),
		'',
		`Ship-to: ${po.shipTo.name}, ${po.shipTo.city}, ${po.shipTo.state}${order ? ` (our order #${order.number})` : ''}.`,
		'Please confirm the cancellation by reply. Thank you.'
	].join('\n');
	const saved = await deps.writes.run(() =>
		movePo(deps.db, po.id, 'request_cancel', (p, to) =>
			isCancellable(p)
				? {
						...withState(p, to, deps.now(), `Cancellation requested from ${name}`),
						cancelRequest: { requestedAt: deps.now().toISOString(), outcome: 'requested' }
					}
				: null
		)
	);
	if (!saved)
		return err('conflict', `PO ${po.poNumber} is ${po.state}; there is nothing to cancel.`);
	return ok({ contact: DISTRIBUTORS[po.distributorId].contact, message });
}

/** Records the distributor's answer; a confirmed cancellation cancels the PO and frees its items. */
export async function decideCancellation(
	deps: ApiDeps,
	input: { poId: string; outcome: 'confirmed' | 'refused'; note?: string }
): Promise<Result<PurchaseOrder>> {
	const saved = await deps.writes.run(() =>
		movePo(
			deps.db,
			input.poId,
			input.outcome === 'confirmed' ? 'distributor_cancelled' : 'cancel_refused',
			(p, to) => {
				if (p.cancelRequest?.outcome !== 'requested') return null;
				// It shipped in full while the request was open: the distributor cannot have cancelled it.
				if (input.outcome === 'confirmed' && !isCancellable(p)) return null;
				const decided = {
					...p.cancelRequest,
					outcome: input.outcome,
					decidedAt: deps.now().toISOString(),
					...(input.note ? { note: input.note } : {})
				};
				return input.outcome === 'confirmed'
					? {
							...withState(p, to, deps.now(), 'Cancelled by the distributor'),
							shipState: 'cancelled',
							cancelRequest: decided
						}
					: {
							...withState(p, to, deps.now(), 'The distributor refused the cancellation'),
							cancelRequest: decided
						};
			}
		)
	);
	if (saved?.cancelRequest?.outcome === input.outcome) return ok(saved);
	const po = await deps.db.purchaseOrders.get(input.poId);
	if (po && po.shipState === 'shipped' && input.outcome === 'confirmed')
		return shippedInFull(po, DISTRIBUTORS[po.distributorId].name);
	return err('conflict', 'There is no open cancellation request on this PO.');
}

function shippedInFull(po: PurchaseOrder, name: string): Result<never> {
	return err(
		'conflict',
		`PO ${po.poNumber} has shipped in full, so ${name} cannot cancel it any more. If the buyer sends the parts back, treat it as a return.`
	);
}
