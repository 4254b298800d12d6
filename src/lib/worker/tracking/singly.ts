import type { DistributorAdapter } from '$lib/distributors/types';
import { DISTRIBUTORS, type DistributorId } from '$lib/domain/distributor';
import type { PurchaseOrder } from '$lib/domain/purchase-order';
import type { AppError } from '$lib/domain/result';
import type { ApiDeps } from '../core/deps';
import { inTurns } from '../core/in-turns';
import { applyStatus } from './apply';
import { readSetting, writeSetting } from '$lib/db/setting-rows';
import type { DistributorProblem } from '$lib/domain/setting-rows';

/**
 * The per-PO side of a tracking round, for the POs a distributor's bulk form cannot answer, and
 * the wording of why a distributor is left for the next round.
 */

/** Per-PO calls in flight at once per distributor: their limits are undocumented, so stay gentle. */
export const CONCURRENCY_PER_DISTRIBUTOR = 2;
/**
 * Per-PO calls per distributor per round, for the POs a bulk call cannot answer (a Tucker PO
 * without its ordernum, Automatic without a range endpoint). A third of a 60-a-minute limit, so
 * placement and stock checks still get through; the rest wait for the next round.
 */
export const MAX_SINGLE_LOOKUPS_PER_ROUND = 20;
/** Transient failures in one round before a distributor is left for the next round. */
const MAX_TRANSIENT = 3;

export type { DistributorProblem } from '$lib/domain/setting-rows';

export interface Round {
	newShipments: number;
	problem?: DistributorProblem;
}

/**
 * Why a distributor is left for the next round, in the dealer's words: a 429 with the time its
 * Retry-After allows; a timeout or outage with how many POs wait for the next refresh.
 */
export function problemOf(
	deps: ApiDeps,
	id: DistributorId,
	error: AppError,
	unchecked: number
): DistributorProblem {
	const name = DISTRIBUTORS[id].name;
	if (error.code === 'rate_limited') {
		const retryAt = new Date(deps.now().getTime() + (error.retryAfterMs ?? 60_000));
		return {
			distributorId: id,
			message: `${name} asked us to slow down`,
			retryAt: retryAt.toISOString()
		};
	}
	if (error.code === 'auth' || error.code === 'not_enabled') {
		return { distributorId: id, message: error.message };
	}
	const pos = unchecked === 1 ? '1 PO waits' : `${unchecked} POs wait`;
	return {
		distributorId: id,
		message: `${error.message.replace(/\.$/, '')}; ${pos} for the next refresh`
	};
}

interface SingleState {
	newShipments: number;
	answered: number;
	transient: number;
	failure?: AppError;
}

const CURSOR_KEY = 'trackingSinglyCursor' as const;

/**
 * This round's share when there are more POs than MAX_SINGLE_LOOKUPS_PER_ROUND: by PO number,
 * starting after the last one asked the round before (kept in settings), so every PO gets its turn.
 */
async function pickRound(
	deps: ApiDeps,
	id: DistributorId,
	pos: readonly PurchaseOrder[]
): Promise<PurchaseOrder[]> {
	if (pos.length <= MAX_SINGLE_LOOKUPS_PER_ROUND) return [...pos];
	const sorted = [...pos].sort((a, b) => a.poNumber.localeCompare(b.poNumber));
	const cursors = async () => (await readSetting(deps.db, CURSOR_KEY)) ?? {};
	const after = (await cursors())[id] ?? '';
	const start = Math.max(
		0,
		sorted.findIndex((po) => po.poNumber > after)
	);
	const picked = [...sorted.slice(start), ...sorted.slice(0, start)].slice(
		0,
		MAX_SINGLE_LOOKUPS_PER_ROUND
	);
	const last = picked[picked.length - 1]?.poNumber ?? '';
	await deps.writes.run(() =>
		deps.db.transaction('rw', deps.db.settings, async () => {
			await writeSetting(deps.db, CURSOR_KEY, { ...(await cursors()), [id]: last });
		})
	);
	return picked;
}

/** One call per PO, a few at a time, at most MAX_SINGLE_LOOKUPS_PER_ROUND (in turns, see pickRound). */
export async function pollSingly(
	deps: ApiDeps,
	adapter: DistributorAdapter,
	pos: PurchaseOrder[]
): Promise<Round> {
	if (pos.length === 0) return { newShipments: 0 };
	const queue = await pickRound(deps, adapter.id, pos);
	const state: SingleState = { newShipments: 0, answered: 0, transient: 0 };
	await inTurns(
		queue,
		CONCURRENCY_PER_DISTRIBUTOR,
		(po) => pollOne(deps, adapter, po, state),
		() => state.failure !== undefined
	);
	const unchecked = pos.length - state.answered;
	if (state.failure) {
		const problem = problemOf(deps, adapter.id, state.failure, unchecked);
		return { newShipments: state.newShipments, problem };
	}
	const left = pos.length - MAX_SINGLE_LOOKUPS_PER_ROUND;
	if (left <= 0) return { newShipments: state.newShipments };
	const message = `${left} PO${left === 1 ? ' is' : 's are'} checked one at a time and wait for the next refresh`;
	return { newShipments: state.newShipments, problem: { distributorId: adapter.id, message } };
}

async function pollOne(
	deps: ApiDeps,
	adapter: DistributorAdapter,
	po: PurchaseOrder,
	state: SingleState
): Promise<void> {
	const result = await adapter.getOrderStatus(po.poNumber, po.distributorRefs);
	if (result.ok) {
		state.answered += 1;
		state.newShipments += await applyStatus(deps, po, result.value);
		return;
	}
	const { error } = result;
	const isFatal =
		error.code === 'rate_limited' || error.code === 'auth' || error.code === 'not_enabled';
	if (isFatal || (error.code === 'transient' && ++state.transient >= MAX_TRANSIENT)) {
		state.failure = error;
	}
	// not_found and one-off failures: this PO is simply asked again next round.
}
