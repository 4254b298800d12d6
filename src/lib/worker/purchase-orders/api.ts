import { z } from 'zod';
import { Address } from '$lib/domain/address';
import { todoKind } from '$lib/domain/dealer-todos';
import { DistributorId } from '$lib/domain/distributor';
import { statesAllowing } from '$lib/domain/po-state';
import { ShippingMethod } from '$lib/domain/purchase-order';
import { err, ok } from '$lib/domain/result';
import { adapterFor } from '../core/adapters';
import type { ApiDeps } from '../core/deps';
import { handler } from '../core/handler';
import { poLock, reconcilePo, sendPo } from './place';
import { createPo, peekPoNumber } from './create';
import { movePo, withState } from './records';
import { requeueFailed } from './retry';
import { addManualTracking, decideCancellation, requestCancellation } from './manual';
import { WAITING_NOTE, cancelWaitingPo, checkLiveStock, sendWaitingPos } from './waiting';

const PoLineInput = z.object({
	orderItemId: z.string().min(1),
	sku: z.string().trim().min(1),
	quantity: z.number().int().positive(),
	unitCostCents: z.number().int().nonnegative()
});

const PlaceInput = z.object({
	orderId: z.string().min(1),
	distributorId: DistributorId,
	poNumber: z.string().trim().toUpperCase().optional(),
	shipTo: Address,
	shippingMethod: ShippingMethod.default('ground'),
	warehouse: z.string().optional(),
	leadTimeDays: z.number().int().nonnegative().default(1),
	lines: z.array(PoLineInput).min(1, 'needs at least one item')
});

const ManualInput = z.object({
	orderId: z.string().min(1),
	distributorId: DistributorId,
	distributorOrderNumber: z.string().trim().min(1, 'is required'),
	poNumber: z.string().trim().toUpperCase().optional(),
	shipTo: Address,
	lines: z.array(PoLineInput).min(1, 'needs at least one item')
});

export function purchaseOrdersApi(deps: ApiDeps) {
	// POs this worker is placing right now: `sendWaiting` leaves them to their own call, so a
	// dealer's click never loses the race to the `online` event and sees a needless `conflict`.
	const inHand = new Set<string>();
	return {
		/** The PO number the next drop-ship will get. Never fails. */
		nextPoNumber: handler(z.object({}), async () => ok(await peekPoNumber(deps))),

		/**
		 * Checks live stock, writes the PO (`queued`), then places it. Offline, the PO is written
		 * `queued` with no call at all and waits for `sendWaiting` (the value then has state
		 * `queued`). Fails with the live check's `out_of_stock` / `unknown_sku` / `price_changed`
		 * (nothing written), `conflict` when the item is already covered, or the distributor's own
		 * code (the PO then shows why).
		 */
		place: handler(PlaceInput, async (input) => {
			const built = await adapterFor(deps, input.distributorId);
			if (!built.ok) return built;
			const isOnline = deps.network.isOnline();
			if (isOnline) {
				const problem = await checkLiveStock(deps, built.value, input.distributorId, input.lines);
				if (problem) return { ok: false, error: problem };
			}
			const created = await createPo(deps, {
				...input,
				isManual: false,
				state: 'queued',
				distributorRefs: [],
				...(isOnline ? {} : { note: WAITING_NOTE })
			});
			if (!created.ok || !isOnline) return created;
			inHand.add(created.value.id);
			try {
				return await sendPo(deps, created.value.id);
			} finally {
				inHand.delete(created.value.id);
			}
		}),

		/**
		 * Sends every PO waiting in `queued`, each exactly once; called when the page comes back
		 * online and on start. Returns the counts; sends nothing while offline. Never fails.
		 */
		sendWaiting: handler(z.object({}), async () => {
			// One sender at a time across tabs and triggers (the online event, start-up), so the
			// per-distributor bound on calls in flight holds for the whole browser.
			const sent = await deps.locks.runExclusive('send-waiting', () =>
				sendWaitingPos(deps, inHand)
			);
			return ok(
				sent ?? {
					placed: 0,
					failed: 0,
					waiting: await deps.db.purchaseOrders.where('state').equals('queued').count()
				}
			);
		}),

		/** Withdraws a PO still waiting to be sent; `conflict` once it has gone out. */
		cancelWaiting: handler(z.object({ poId: z.string() }), (input) =>
			cancelWaitingPo(deps, input.poId)
		),

		/**
		 * Failed → sent again (offline: queued to wait for the network); answer lost → looked up
		 * first (`offline` without a network). `conflict` in any other state.
		 */
		retry: handler(z.object({ poId: z.string() }), async (input) => {
			const po = await deps.db.purchaseOrders.get(input.poId);
			if (!po) return err('not_found', 'That purchase order is not here any more.');
			if (!deps.network.isOnline()) {
				if (po.state !== 'failed') {
					return err('offline', 'This needs the network: try again when you are back online.');
				}
				// Back in the queue, sent by `sendWaiting` when the network returns.
				return requeueFailed(deps, po.id);
			}
			if (po.state === 'unknown') return reconcilePo(deps, po.id);
			inHand.add(po.id);
			try {
				const requeued = await requeueFailed(deps, po.id);
				if (!requeued.ok) return requeued;
				return await sendPo(deps, po.id);
			} finally {
				inHand.delete(po.id);
			}
		}),

		/**
		 * After a reload: a PO left `submitting` may have reached the distributor, so it becomes
		 * `unknown` and is looked up. Returns how many were checked. Never fails as a whole.
		 */
		resumeAfterRestart: handler(z.object({}), async () => {
			const stranded = await deps.db.purchaseOrders
				.where('state')
				.anyOf(statesAllowing('lost'))
				.toArray();
			for (const po of stranded) {
				// Only a PO no live tab holds: one that another tab is sending right now is not
				// stranded, and looking it up mid-send could send it again (found by the soak).
				await deps.locks.runExclusive(poLock(po.id), () =>
					deps.writes.run(() =>
						movePo(deps.db, po.id, 'lost', (p, to) =>
							withState(p, to, deps.now(), 'The app closed while this PO was being sent')
						)
					)
				);
			}
			const unknown = await deps.db.purchaseOrders.where('state').equals('unknown').toArray();
			for (const po of unknown) await reconcilePo(deps, po.id);
			return ok({ checked: unknown.length });
		}),

		/** Tracking typed by the dealer; `validation` for a number that is not one. */
		addTracking: handler(
			z.object({
				poId: z.string(),
				trackingNumber: z.string().trim().min(1, 'is required'),
				carrier: z.string().trim().optional(),
				shipDate: z.string().optional()
			}),
			(input) => addManualTracking(deps, input)
		),

		/** Records a cancellation request and returns who to contact with a prefilled message. */
		requestCancel: handler(z.object({ poId: z.string() }), (input) =>
			requestCancellation(deps, input.poId)
		),

		/** The distributor's answer to a cancellation request. */
		decideCancel: handler(
			z.object({
				poId: z.string(),
				outcome: z.enum(['confirmed', 'refused']),
				note: z.string().optional()
			}),
			(input) => decideCancellation(deps, input)
		),

		/**
		 * The dealer decided about a backorder, a cancellation or a late PO and puts the dashboard
		 * to-do away. Only the kind the PO shows now is put away, so news of another kind shows again.
		 */
		dismissTodo: handler(
			z.object({
				poId: z.string(),
				kind: z.enum(['late', 'backordered', 'cancelled', 'store_cancelled'])
			}),
			async (input) => {
				const po = await deps.db.purchaseOrders.get(input.poId);
				if (!po) return err('not_found', 'That purchase order is not here any more.');
				if (todoKind(po, deps.now()) !== input.kind)
					return err('conflict', 'This purchase order has changed since; look at it again.');
				await deps.writes.run(() =>
					deps.db.purchaseOrders.update(po.id, {
						dismissedTodo: { kind: input.kind, at: deps.now().toISOString() }
					})
				);
				return ok(undefined);
			}
		),

		/** The traditional way: the dealer placed it in the distributor's portal and types its number. */

		recordManual: handler(ManualInput, (input) =>
			createPo(deps, {
				...input,
				shippingMethod: 'ground',
				leadTimeDays: 1,
				isManual: true,
				state: 'submitted',
				distributorRefs: [input.distributorOrderNumber]
			})
		)
	};
}
