import { canTrack } from '$lib/domain/po-state';
import type { StatusQuery } from '$lib/distributors/types';
import { DISTRIBUTOR_IDS, type DistributorId } from '$lib/domain/distributor';
import type { PurchaseOrder } from '$lib/domain/purchase-order';
import { adapterFor } from '../core/adapters';
import type { ApiDeps } from '../core/deps';
import { applyStatus } from './apply';
import { pollSingly, problemOf, type DistributorProblem, type Round } from './singly';
import { readSetting, writeSetting } from '$lib/db/setting-rows';
import type { TrackingSummary } from '$lib/domain/setting-rows';

export type { DistributorProblem } from './singly';

/** POs stop being polled this long after they were placed. */
export const POLL_WINDOW_DAYS = 60;

export type { TrackingSummary } from '$lib/domain/setting-rows';

export function isPollable(po: PurchaseOrder, now: Date): boolean {
	if (po.isManual) return false;
	if (!canTrack(po.state)) return false;
	if (!['awaiting', 'backordered', 'partly_shipped'].includes(po.shipState)) return false;
	return now.getTime() - Date.parse(po.createdAt) <= POLL_WINDOW_DAYS * 86_400_000;
}

/**
 * Asks every distributor about its open POs with its bulk form (a few calls per distributor, the
 * distributors side by side), then one by one for the POs the bulk form cannot answer. A
 * distributor that rate-limits, times out or keeps failing is left for the next round, with the
 * reason in the summary; the others carry on.
 */
export async function refreshTracking(deps: ApiDeps): Promise<TrackingSummary> {
	const now = deps.now();
	const open = (
		await deps.db.purchaseOrders
			.where('shipState')
			.anyOf('awaiting', 'backordered', 'partly_shipped')
			.toArray()
	).filter((po) => isPollable(po, now));
	const previous = await readSetting(deps.db, 'trackingStatus');
	const rounds = await Promise.all(
		DISTRIBUTOR_IDS.map((id) =>
			pollDistributor(
				deps,
				id,
				open.filter((po) => po.distributorId === id),
				previous?.problems.find(
					(p) => p.distributorId === id && p.retryAt && Date.parse(p.retryAt) > now.getTime()
				)
			)
		)
	);
	const summary: TrackingSummary = {
		checkedAt: deps.now().toISOString(),
		poCount: open.length,
		newShipments: rounds.reduce((n, r) => n + r.newShipments, 0),
		problems: rounds.flatMap((r) => (r.problem ? [r.problem] : []))
	};
	await deps.writes.run(() => writeSetting(deps.db, 'trackingStatus', summary));
	return summary;
}

const toQuery = (po: PurchaseOrder): StatusQuery => ({
	poNumber: po.poNumber,
	refs: po.distributorRefs,
	placedAt: po.createdAt
});

async function pollDistributor(
	deps: ApiDeps,
	id: DistributorId,
	pos: PurchaseOrder[],
	backoff: DistributorProblem | undefined
): Promise<Round> {
	if (pos.length === 0) return { newShipments: 0 };
	if (backoff) return { newShipments: 0, problem: backoff };
	const built = await adapterFor(deps, id);
	if (!built.ok)
		return { newShipments: 0, problem: { distributorId: id, message: built.error.message } };
	const byNumber = new Map(pos.map((po) => [po.poNumber, po]));
	const batch = await built.value.getOrderStatuses(pos.map(toQuery));
	if (!batch.ok) return { newShipments: 0, problem: problemOf(deps, id, batch.error, pos.length) };
	let newShipments = 0;
	for (const status of batch.value.statuses) {
		const po = byNumber.get(status.poNumber);
		if (po) newShipments += await applyStatus(deps, po, status);
	}
	const { interrupted, askSingly } = batch.value;
	if (interrupted) {
		const problem = problemOf(deps, id, interrupted.error, interrupted.unanswered.length);
		return { newShipments, problem };
	}
	const single = askSingly.flatMap((n) => byNumber.get(n) ?? []);
	const round = await pollSingly(deps, built.value, single);
	return { ...round, newShipments: newShipments + round.newShipments };
}
