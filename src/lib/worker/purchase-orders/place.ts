import type { DistributorAdapter } from '$lib/distributors/types';
import { DISTRIBUTORS } from '$lib/domain/distributor';
import { isOutcomeUnknown, nextPoState } from '$lib/domain/po-state';
import type { PoLine, PurchaseOrder } from '$lib/domain/purchase-order';
import { err, ok, type AppError, type Result } from '$lib/domain/result';
import { adapterFor } from '../core/adapters';
import type { ApiDeps } from '../core/deps';
import { claimItems } from '../sync/claims';
import { recordAccepted, toRequest } from './record-accepted';
import { movePo, withState } from './records';

/** The lock a tab holds on a PO while it sends it or looks it up (IDEM-7). */
export const poLock = (poId: string) => `po:${poId}`;

/**
 * Runs `job` holding the PO's lock, so one tab at a time works on a PO; `conflict` when another
 * tab holds it. A tab that closes loses its locks, which is how `resumeAfterRestart` tells a PO
 * stranded mid-send from one a live tab is sending right now.
 */
async function holdingPo(
	deps: ApiDeps,
	poId: string,
	job: () => Promise<Result<PurchaseOrder>>
): Promise<Result<PurchaseOrder>> {
	const done = await deps.locks.runExclusive(poLock(poId), job);
	return (
		done ??
		err('conflict', 'Another tab is placing this purchase order right now; nothing was sent twice.')
	);
}

/**
 * Sends one PO to its distributor, exactly once. The PO row (our PO number = the idempotency key)
 * is already stored as `queued`; this claims it (`queued → submitting`, compare-and-set), calls
 * the distributor outside any transaction, and records what came back. A lost answer leads to a
 * lookup (`reconcilePo`), never to a blind second request.
 */
export function sendPo(deps: ApiDeps, poId: string): Promise<Result<PurchaseOrder>> {
	return holdingPo(deps, poId, () => sendHeld(deps, poId));
}

/**
 * `isResend`: this send follows a lookup that found nothing. If its answer is lost too, the PO
 * waits in `unknown` for the next check instead of looking up and resending again in the same
 * call: while answers keep going missing, that loop would never end.
 */
async function sendHeld(
	deps: ApiDeps,
	poId: string,
	isResend = false
): Promise<Result<PurchaseOrder>> {
	const po = await deps.db.purchaseOrders.get(poId);
	if (!po) return err('not_found', 'That purchase order is not here any more.');
	const built = await adapterFor(deps, po.distributorId);
	if (!built.ok) return built;
	const name = DISTRIBUTORS[po.distributorId].name;

	const lines = await deps.db.poLines.where('poId').equals(poId).sortBy('lineNo');
	if (po.state === 'queued') {
		const held = await holdItemsAcrossDevices(deps, po, lines);
		if (held) return held;
	}
	const claimed = await deps.writes.run(() =>
		movePo(deps.db, poId, 'send', (p, to) => withState(p, to, deps.now(), `Sending to ${name}`))
	);
	if (!claimed) {
		return err(
			'conflict',
			`PO ${po.poNumber} is already being placed or was placed; nothing was sent twice.`
		);
	}
	const result = await built.value.placeDropShipOrder(toRequest(claimed, lines));
	return result.ok
		? recordAccepted(deps, claimed, lines, result.value)
		: recordFailure(deps, built.value, claimed, result.error, !isResend);
}

/**
 * On a synced shop, claims the PO's items on the server before any distributor call. Null when
 * the PO may go out; else why not: `offline` (the PO stays `queued` and waits) or `conflict` (another
 * device's PO holds an item: this PO is cancelled, naming that PO; or another device claimed this
 * very PO, which came here through sync: it sends it, this one leaves it as it is).
 */
async function holdItemsAcrossDevices(
	deps: ApiDeps,
	po: PurchaseOrder,
	lines: readonly PoLine[]
): Promise<Result<never> | null> {
	const claim = await claimItems(deps, po, lines);
	if (!claim.ok) return claim;
	if (claim.value.kind === 'elsewhere')
		return err(
			'conflict',
			`Device ${claim.value.device} is placing PO ${po.poNumber}; nothing was sent from here.`
		);
	if (claim.value.kind !== 'refused') return null;
	const message = `Device ${claim.value.device} already ordered this item on PO ${claim.value.poNumber}, so PO ${po.poNumber} was cancelled and nothing was sent.`;
	await deps.writes.run(() =>
		movePo(deps.db, po.id, 'cancel', (p, to) => ({
			...withState(p, to, deps.now(), message),
			shipState: 'cancelled',
			lastError: { code: 'conflict', message }
		}))
	);
	return err('conflict', message);
}

async function recordFailure(
	deps: ApiDeps,
	adapter: DistributorAdapter,
	po: PurchaseOrder,
	error: AppError,
	mayLookUp: boolean
): Promise<Result<PurchaseOrder>> {
	// "Duplicate PO" means the distributor may well hold the order (our answer went missing and
	// its lookup lagged): it is looked up like a lost answer, never failed (IDEM-5). Failed, the
	// dealer would drop-ship the item again on a new PO: a second order.
	const isDuplicate = error.code === 'duplicate_po';
	if (isOutcomeUnknown(error.code) || isDuplicate) {
		const name = DISTRIBUTORS[po.distributorId].name;
		const lost: AppError = {
			...error,
			message: `${error.message} We are checking with ${name} whether the order arrived before anything is sent again.`
		};
		await deps.writes.run(() =>
			movePo(deps.db, po.id, 'lost', (p, to) => ({
				...withState(p, to, deps.now(), error.message),
				lastError: lost
			}))
		);
		if (!mayLookUp && !isDuplicate) return { ok: false, error: lost };
		const reconciled = await reconcileWith(deps, adapter, po.id, isDuplicate);
		return reconciled.ok && reconciled.value.state === 'unknown'
			? { ok: false, error: lost }
			: reconciled;
	}
	await deps.writes.run(() =>
		movePo(deps.db, po.id, 'refused', (p, to) => ({
			...withState(p, to, deps.now(), error.message),
			lastError: error
		}))
	);
	return { ok: false, error };
}

/**
 * Looks the PO up at the distributor: found → `submitted` with its references; provably absent →
 * sent again with the same PO number; lookup failed → stays `unknown` for a later try.
 */
export function reconcilePo(deps: ApiDeps, poId: string): Promise<Result<PurchaseOrder>> {
	return holdingPo(deps, poId, async () => {
		const po = await deps.db.purchaseOrders.get(poId);
		if (!po) return err('not_found', 'That purchase order is not here any more.');
		const built = await adapterFor(deps, po.distributorId);
		if (!built.ok) return built;
		return reconcileWith(deps, built.value, poId);
	});
}

/**
 * `isSaidDuplicate`: the distributor just answered "duplicate PO". If its lookup then does not
 * find the order, the two answers disagree and nothing proves either: the dealer checks the
 * portal (`needs_attention`) instead of a resend that would only hear "duplicate" again.
 */
async function reconcileWith(
	deps: ApiDeps,
	adapter: DistributorAdapter,
	poId: string,
	isSaidDuplicate = false
): Promise<Result<PurchaseOrder>> {
	const claimed = await deps.writes.run(() =>
		movePo(deps.db, poId, 'reconcile', (p, to) =>
			withState(p, to, deps.now(), 'Looking the PO up at the distributor')
		)
	);
	if (!claimed) return err('conflict', 'This purchase order is not waiting for a lookup.');
	const found = await adapter.findOrderByPoNumber(claimed.poNumber);
	if (!found.ok) {
		// No lookup at all (Tucker without its order number): asking again will not tell, so the
		// PO waits for the dealer, who can ask the distributor (IDEM-3), instead of sitting in
		// `unknown` for ever, where tracking typed by the dealer could not be recorded either.
		const isUncheckable = found.error.code === 'not_supported';
		const events = isUncheckable ? (['lookup_failed', 'attention'] as const) : 'lookup_failed';
		const note = `Lookup failed: ${found.error.message}`;
		const back = await deps.writes.run(() =>
			movePo(deps.db, poId, events, (p, to) => ({
				...(isUncheckable
					? withState(
							withState(p, 'unknown', deps.now(), note),
							to,
							deps.now(),
							'Ask the distributor'
						)
					: withState(p, to, deps.now(), note)),
				// "Cannot check" (Tucker without its order number) already says what to ask the
				// distributor; checking again would not change the answer.
				lastError: isUncheckable
					? found.error
					: {
							...found.error,
							message: `${found.error.message} The order may or may not have arrived; we will check again.`
						}
			}))
		);
		if (!back) return err('conflict', 'The purchase order changed during the lookup.');
		return isUncheckable ? { ok: false, error: found.error } : ok(back);
	}
	if (found.value) {
		const refs = found.value.distributorRefs;
		const saved = await deps.writes.run(() =>
			movePo(deps.db, poId, 'found', (p, to) => ({
				...withState(p, to, deps.now(), `Found at the distributor as ${refs.join(', ')}`),
				distributorRefs: refs,
				lastError: undefined
			}))
		);
		return saved ? ok(saved) : err('conflict', 'The purchase order changed during the lookup.');
	}
	if (isSaidDuplicate) {
		const name = DISTRIBUTORS[claimed.distributorId].name;
		const message = `${name} answered that it already holds PO ${claimed.poNumber}, but its order lookup does not find it. Check ${name}'s portal: if the order is there, add its tracking here when it ships; if not, request cancellation of this PO and drop-ship the item again.`;
		const held = await deps.writes.run(() =>
			movePo(deps.db, poId, ['lookup_failed', 'attention'], (p, to) => ({
				...withState(
					withState(p, 'unknown', deps.now(), 'Said duplicate; its lookup does not find it'),
					to,
					deps.now(),
					'Check the portal'
				),
				lastError: { code: 'duplicate_po', message }
			}))
		);
		return held
			? err('duplicate_po', message)
			: err('conflict', 'The purchase order changed during the lookup.');
	}
	// Provably absent: the same PO number may go out again.
	const requeued = await deps.writes.run(() =>
		movePo(deps.db, poId, 'absent', (p, to) =>
			withState(p, to, deps.now(), 'Not at the distributor: sending again')
		)
	);
	if (!requeued || nextPoState(requeued.state, { type: 'send' }) === null) {
		return err('conflict', 'The purchase order changed during the lookup.');
	}
	// Still holding the PO's lock: the resend is part of this lookup.
	return sendHeld(deps, poId, true);
}
