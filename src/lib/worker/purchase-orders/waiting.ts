import { addNewWarehouses } from '$lib/db/writes';
import type { DistributorAdapter } from '$lib/distributors/types';
import { DISTRIBUTORS, displaySku, type DistributorId } from '$lib/domain/distributor';
import type { PurchaseOrder } from '$lib/domain/purchase-order';
import { err, ok, type AppError, type Result } from '$lib/domain/result';
import { adapterFor } from '../core/adapters';
import type { ApiDeps } from '../core/deps';
import { inTurns } from '../core/in-turns';
import { CONCURRENCY_PER_DISTRIBUTOR } from '../tracking/singly';
import { liveStockProblem } from './live-stock';
import { sendPo } from './place';
import { movePo, withState } from './records';

/** The history note of a PO written while offline; the page shows its own sentence for `queued`. */
export const WAITING_NOTE = 'Waiting for the network';

/**
 * Asks the distributor for live stock of the lines. Null when every line is fine; otherwise the
 * reason (the stock problem, or the failed call itself). A warehouse the answer names and the
 * rules do not know is written as a new one, for the dealer to set in Inventory rules.
 */
export async function checkLiveStock(
	deps: Pick<ApiDeps, 'db' | 'writes'>,
	adapter: DistributorAdapter,
	distributorId: DistributorId,
	lines: readonly { sku: string; quantity: number; unitCostCents: number }[]
): Promise<AppError | null> {
	const stock = await adapter.getStock(lines.map((l) => l.sku));
	if (!stock.ok) return stock.error;
	const codes = stock.value.flatMap((s) => s.warehouses.map((w) => w.code));
	await deps.writes.run(() => addNewWarehouses(deps.db, distributorId, codes));
	for (const line of lines) {
		const live = stock.value.find((s) => s.sku.toUpperCase() === line.sku.toUpperCase());
		const problem = liveStockProblem(
			DISTRIBUTORS[distributorId].name,
			displaySku(distributorId, line.sku),
			line.quantity,
			live ?? { found: false, totalQty: 0 },
			line.unitCostCents
		);
		if (problem) return problem;
	}
	return null;
}

/**
 * Sends the POs that wait in `queued` (written while offline, or left there by a tab that closed
 * between writing and sending). Each one is first checked for live stock, as a placement online
 * would be: a line that ran out meanwhile turns the PO `failed` with the reason, nothing sent.
 * Sending itself is `sendPo`'s compare-and-set from `queued`, so two of these running at once
 * (two tabs, or the `online` event during start-up) send each PO once. `skip` holds the POs this
 * worker is placing right now: they are sent by their own call, not from here.
 */
export async function sendWaitingPos(
	deps: ApiDeps,
	skip: ReadonlySet<string>
): Promise<{ placed: number; failed: number; waiting: number }> {
	const counts = { placed: 0, failed: 0, waiting: 0 };
	if (!deps.network.isOnline()) {
		counts.waiting = await deps.db.purchaseOrders.where('state').equals('queued').count();
		return counts;
	}
	const waiting = (await deps.db.purchaseOrders.where('state').equals('queued').toArray()).filter(
		(po) => !skip.has(po.id) && !po.isManual
	);
	// Distributors side by side, each at most two POs at a time; one that cannot be reached now
	// keeps the rest of its POs waiting for the next try instead of trying them one by one.
	const byDistributor = new Map<string, PurchaseOrder[]>();
	for (const po of waiting)
		byDistributor.set(po.distributorId, [...(byDistributor.get(po.distributorId) ?? []), po]);
	await Promise.all(
		[...byDistributor.values()].map(async (pos) => {
			let tried = 0;
			let isUnreachable = false;
			await inTurns(
				pos,
				CONCURRENCY_PER_DISTRIBUTOR,
				async (po) => {
					tried += 1;
					const outcome = await sendOne(deps, po);
					if (outcome) counts[outcome] += 1;
					if (outcome === 'waiting') isUnreachable = true;
				},
				() => isUnreachable
			);
			counts.waiting += pos.length - tried;
		})
	);
	return counts;
}

async function sendOne(
	deps: ApiDeps,
	po: PurchaseOrder
): Promise<'placed' | 'failed' | 'waiting' | null> {
	const built = await adapterFor(deps, po.distributorId);
	if (!built.ok) return 'waiting';
	const lines = await deps.db.poLines.where('poId').equals(po.id).toArray();
	const problem = await checkLiveStock(deps, built.value, po.distributorId, lines);
	if (problem) {
		// The stock call itself failed (the network is not back after all): wait for the next try.
		if (problem.code === 'transient' || problem.code === 'rate_limited') return 'waiting';
		const failed = await deps.writes.run(() =>
			movePo(deps.db, po.id, 'check_failed', (p, to) => ({
				...withState(p, to, deps.now(), problem.message),
				lastError: problem
			}))
		);
		return failed ? 'failed' : null;
	}
	const sent = await sendPo(deps, po.id);
	if (sent.ok) return 'placed';
	// `offline`: the sync server could not confirm the items are ours; the PO waits for it.
	if (sent.error.code === 'offline') return 'waiting';
	// `conflict`: another call claimed it first and sends it; not ours to count.
	return sent.error.code === 'conflict' ? null : 'failed';
}

/**
 * The dealer withdraws a PO that is still waiting: `queued → cancelled`, so its items are open
 * again. `conflict` once it has been claimed for sending (then it can only be cancelled at the
 * distributor).
 */
export async function cancelWaitingPo(deps: ApiDeps, poId: string): Promise<Result<PurchaseOrder>> {
	const cancelled = await deps.writes.run(() =>
		movePo(deps.db, poId, 'cancel', (p, to) => ({
			...withState(p, to, deps.now(), 'Cancelled by the dealer before it was sent'),
			shipState: 'cancelled'
		}))
	);
	if (cancelled) return ok(cancelled);
	const po = await deps.db.purchaseOrders.get(poId);
	if (!po) return err('not_found', 'That purchase order is not here any more.');
	return err(
		'conflict',
		`PO ${po.poNumber} has already gone to ${DISTRIBUTORS[po.distributorId].name}; request a cancellation instead.`
	);
}
