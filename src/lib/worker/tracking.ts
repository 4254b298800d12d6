import type { DistributorAdapter } from '$lib/distributors/types';
import { DISTRIBUTORS, DISTRIBUTOR_IDS, type DistributorId } from '$lib/domain/distributor';
import type { PurchaseOrder } from '$lib/domain/purchase-order';
import { adapterFor } from './adapters';
import type { ApiDeps } from './deps';
import { applyStatus } from './tracking-apply';

/** POs stop being polled this long after they were placed. */
export const POLL_WINDOW_DAYS = 60;
/** Calls in flight at once per distributor: their limits are undocumented, so stay gentle. */
export const CONCURRENCY_PER_DISTRIBUTOR = 2;
/** Transient failures in one round before a distributor is left for the next round. */
const MAX_TRANSIENT = 3;

export interface DistributorProblem {
	distributorId: DistributorId;
	message: string;
	/** When the next round may ask this distributor again (a 429's Retry-After). */
	retryAt?: string;
}

export interface TrackingSummary {
	checkedAt: string;
	poCount: number;
	newShipments: number;
	problems: DistributorProblem[];
}

export function isPollable(po: PurchaseOrder, now: Date): boolean {
	if (po.isManual) return false;
	if (!['submitted', 'confirmed', 'needs_attention'].includes(po.state)) return false;
	if (!['awaiting', 'backordered', 'partly_shipped'].includes(po.shipState)) return false;
	return now.getTime() - Date.parse(po.createdAt) <= POLL_WINDOW_DAYS * 86_400_000;
}

/**
 * Asks every distributor about every open PO, a few calls at a time per distributor and the
 * distributors side by side. A distributor that rate-limits or keeps failing is left for the next
 * round, with the reason in the summary; the others carry on.
 */
export async function refreshTracking(deps: ApiDeps): Promise<TrackingSummary> {
	const now = deps.now();
	const open = (
		await deps.db.purchaseOrders
			.where('shipState')
			.anyOf('awaiting', 'backordered', 'partly_shipped')
			.toArray()
	).filter((po) => isPollable(po, now));
	const previous = (await deps.db.settings.get('trackingStatus'))?.value as
		TrackingSummary | undefined;
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
	await deps.writes.run(() => deps.db.settings.put({ key: 'trackingStatus', value: summary }));
	return summary;
}

async function pollDistributor(
	deps: ApiDeps,
	id: DistributorId,
	pos: PurchaseOrder[],
	backoff: DistributorProblem | undefined
): Promise<{ newShipments: number; problem?: DistributorProblem }> {
	if (pos.length === 0) return { newShipments: 0 };
	if (backoff) return { newShipments: 0, problem: backoff };
	const built = await adapterFor(deps, id);
	if (!built.ok)
		return { newShipments: 0, problem: { distributorId: id, message: built.error.message } };
	const state = {
		newShipments: 0,
		transient: 0,
		problem: undefined as DistributorProblem | undefined
	};
	const queue = [...pos];
	const worker = async () => {
		while (queue.length > 0 && !state.problem) {
			const po = queue.shift() as PurchaseOrder;
			await pollOne(deps, built.value, po, state);
		}
	};
	await Promise.all(
		Array.from({ length: Math.min(CONCURRENCY_PER_DISTRIBUTOR, pos.length) }, worker)
	);
	return { newShipments: state.newShipments, ...(state.problem ? { problem: state.problem } : {}) };
}

async function pollOne(
	deps: ApiDeps,
	adapter: DistributorAdapter,
	po: PurchaseOrder,
	state: { newShipments: number; transient: number; problem?: DistributorProblem }
): Promise<void> {
	const name = DISTRIBUTORS[po.distributorId].name;
	const result = await adapter.getOrderStatus(po.poNumber, po.distributorRefs);
	if (result.ok) {
		state.newShipments += await applyStatus(deps, po, result.value);
		return;
	}
	const { error } = result;
	if (error.code === 'rate_limited') {
		const retryAt = new Date(deps.now().getTime() + (error.retryAfterMs ?? 60_000));
		state.problem = {
			distributorId: po.distributorId,
			message: `${name} asked us to slow down`,
			retryAt: retryAt.toISOString()
		};
	} else if (error.code === 'transient' && ++state.transient >= MAX_TRANSIENT) {
		state.problem = { distributorId: po.distributorId, message: `${name}: ${error.message}` };
	} else if (error.code === 'auth' || error.code === 'not_enabled') {
		state.problem = { distributorId: po.distributorId, message: error.message };
	}
	// not_found and one-off failures: this PO is simply asked again next round.
}
