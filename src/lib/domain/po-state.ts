import type { PoState } from './purchase-order';

/**
 * The placement state machine of a purchase order: the only place that says which state may
 * follow which. The PO number is the idempotency key, so the one rule that matters is: an order
 * request is sent only on `send`, and `send` is allowed only from `queued`. Every path that could
 * mean "the distributor may already have it" goes through `unknown` and a lookup (`reconcile`)
 * before anything is sent again.
 *
 *   draft → queued → submitting → submitted → confirmed
 *             │          ├→ failed (the distributor said no; Retry → queued)
 *             │          └→ unknown (timeout, 5xx, lost answer, reload) → reconciling
 *             │                   reconciling → submitted (found) | queued (provably absent) | unknown
 *             └→ failed (the live stock check before sending said no)
 *
 * Some events keep the state and only record a fact (a status report on a confirmed PO, a
 * cancellation request): they are in the table so that "may this happen now?" has one answer.
 */
export type PoEventType =
	| 'queue'
	| 'send'
	| 'check_failed'
	| 'accepted'
	| 'refused'
	| 'lost'
	| 'reconcile'
	| 'found'
	| 'absent'
	| 'lookup_failed'
	| 'retry'
	| 'confirm'
	| 'report'
	| 'attention'
	| 'cancel'
	| 'request_cancel'
	| 'cancel_refused'
	| 'distributor_cancelled';

export type PoEvent = { type: PoEventType };

/** The distributor has (or may have) the order and can still be asked about or to cancel it. */
const AT_DISTRIBUTOR = {
	submitted: 'submitted',
	confirmed: 'confirmed',
	needs_attention: 'needs_attention',
	unknown: 'unknown',
	failed: 'failed'
} as const satisfies Partial<Record<PoState, PoState>>;

const TRANSITIONS: Record<PoEventType, Partial<Record<PoState, PoState>>> = {
	queue: { draft: 'queued' },
	send: { queued: 'submitting' },
	check_failed: { queued: 'failed' },
	// An acceptance that arrives while a lookup runs (another tab marked it lost) is still an
	// acceptance: the distributor has it.
	accepted: { submitting: 'submitted', reconciling: 'submitted' },
	refused: { submitting: 'failed' },
	// A lost answer, or a tab that closed mid-call or mid-lookup.
	lost: { submitting: 'unknown', reconciling: 'unknown' },
	reconcile: { unknown: 'reconciling' },
	found: { reconciling: 'submitted' },
	absent: { reconciling: 'queued' },
	lookup_failed: { reconciling: 'unknown' },
	retry: { failed: 'queued' },
	confirm: { submitted: 'confirmed' },
	// The distributor reports the order (status, shipments, tracking typed by the dealer).
	report: { submitted: 'confirmed', confirmed: 'confirmed', needs_attention: 'needs_attention' },
	attention: {
		submitted: 'needs_attention',
		failed: 'needs_attention',
		unknown: 'needs_attention'
	},
	// The dealer withdraws a PO that no distributor has: never one that may have been placed.
	cancel: { draft: 'cancelled', queued: 'cancelled', failed: 'cancelled' },
	request_cancel: AT_DISTRIBUTOR,
	cancel_refused: AT_DISTRIBUTOR,
	// The distributor confirms the cancellation. From `unknown` too: its word settles whether it
	// had the order, so nothing can be placed twice (decided for issue 13; the manual flow allowed
	// it and the old table did not).
	distributor_cancelled: {
		submitted: 'cancelled',
		confirmed: 'cancelled',
		needs_attention: 'cancelled',
		unknown: 'cancelled',
		failed: 'cancelled'
	}
};

export const PO_EVENT_TYPES = Object.keys(TRANSITIONS) as PoEventType[];

/** The next state, or null when the event does not apply (a second click, a stale tab). */
export function nextPoState(state: PoState, event: PoEvent | PoEventType): PoState | null {
	const type = typeof event === 'string' ? event : event.type;
	return TRANSITIONS[type][state] ?? null;
}

/**
 * How far along the machine each state is, for merging one PO edited on two devices while apart:
 * the copy further along wins (a device that saw `submitted` knows more than one still `queued`).
 * `cancelled` is last because it is final; `failed` and `unknown` share a rank (both follow a send).
 */
export const PO_STATE_PROGRESS: Record<PoState, number> = {
	draft: 0,
	queued: 1,
	submitting: 2,
	failed: 3,
	unknown: 3,
	reconciling: 4,
	submitted: 5,
	needs_attention: 6,
	confirmed: 7,
	cancelled: 8
};

/** The states from which `event` may happen: what a compare-and-set checks. */
export function statesAllowing(event: PoEventType): PoState[] {
	return Object.keys(TRANSITIONS[event]) as PoState[];
}

const allows = (event: PoEventType) => (state: PoState) => nextPoState(state, event) !== null;

/** Tracking can be recorded: the distributor has accepted the order. */
export const canTrack = allows('report');
/** The dealer may ask the distributor to cancel (the order is, or may be, there). */
export const canRequestCancel = allows('request_cancel');

/**
 * A PO that has shipped in full cannot be cancelled: the parcel is on its way, and a PO recorded
 * as cancelled frees its items to be drop-shipped again, so the buyer would get them twice (the
 * page hid the button but the worker took the request: found by the soak).
 */
export function isCancellable(po: { state: PoState; shipState: string }): boolean {
	return canRequestCancel(po.state) && po.shipState !== 'shipped';
}
/** The dealer may withdraw it here: it has not gone to the distributor. */
export const canWithdraw = (state: PoState) => state === 'queued' && allows('cancel')(state);
/** Retry: a refusal is sent again; an unknown outcome is looked up first. */
export const canRetry = (state: PoState) => allows('retry')(state) || allows('reconcile')(state);

/** On start-up, a PO left `submitting` (the tab closed mid-call) must be looked up, not resent. */
export function stateAfterRestart(state: PoState): PoState {
	return nextPoState(state, 'lost') ?? state;
}

/** Placement failures that mean "the distributor may have the order": reconcile before resending. */
export function isOutcomeUnknown(code: string): boolean {
	return code === 'transient' || code === 'protocol' || code === 'rate_limited';
}
