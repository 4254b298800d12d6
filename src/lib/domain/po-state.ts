import type { PoState } from './purchase-order';

/**
 * The placement state machine of a purchase order. The PO number is the idempotency key, so the
 * one rule that matters is: an order request is sent only on `send`, and `send` is allowed only
 * from `queued`. Every path that could mean "the distributor may already have it" goes through
 * `unknown` and a lookup (`reconcile`) before anything is sent again.
 *
 *   draft → queued → submitting → submitted → confirmed
 *                        ├→ failed (the distributor said no; Retry → queued)
 *                        └→ unknown (timeout, 5xx, lost answer, reload) → reconciling
 *                                 reconciling → submitted (found) | queued (provably absent) | unknown
 */
export type PoEvent =
	| { type: 'queue' }
	| { type: 'send' }
	| { type: 'accepted' }
	| { type: 'refused' }
	| { type: 'lost' }
	| { type: 'reconcile' }
	| { type: 'found' }
	| { type: 'absent' }
	| { type: 'lookup_failed' }
	| { type: 'retry' }
	| { type: 'confirm' }
	| { type: 'attention' }
	| { type: 'cancel' };

const TRANSITIONS: Record<PoEvent['type'], Partial<Record<PoState, PoState>>> = {
	queue: { draft: 'queued' },
	send: { queued: 'submitting' },
	accepted: { submitting: 'submitted' },
	refused: { submitting: 'failed' },
	lost: { submitting: 'unknown', reconciling: 'unknown' },
	reconcile: { unknown: 'reconciling' },
	found: { reconciling: 'submitted' },
	absent: { reconciling: 'queued' },
	lookup_failed: { reconciling: 'unknown' },
	retry: { failed: 'queued' },
	confirm: { submitted: 'confirmed' },
	attention: {
		submitted: 'needs_attention',
		failed: 'needs_attention',
		unknown: 'needs_attention'
	},
	cancel: {
		draft: 'cancelled',
		queued: 'cancelled',
		failed: 'cancelled',
		submitted: 'cancelled',
		confirmed: 'cancelled',
		needs_attention: 'cancelled'
	}
};

/** The next state, or null when the event does not apply (a second click, a stale tab). */
export function nextPoState(state: PoState, event: PoEvent): PoState | null {
	return TRANSITIONS[event.type][state] ?? null;
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

/** States in which the distributor may hold the order: never send again from these. */
export const MAY_BE_PLACED: ReadonlySet<PoState> = new Set([
	'submitting',
	'submitted',
	'confirmed',
	'unknown',
	'reconciling',
	'needs_attention'
]);

/** On start-up, a PO left `submitting` (the tab closed mid-call) must be looked up, not resent. */
export function stateAfterRestart(state: PoState): PoState {
	return state === 'submitting' || state === 'reconciling' ? 'unknown' : state;
}

/** Placement failures that mean "the distributor may have the order": reconcile before resending. */
export function isOutcomeUnknown(code: string): boolean {
	return code === 'transient' || code === 'protocol' || code === 'rate_limited';
}
