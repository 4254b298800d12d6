import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	canRequestCancel,
	canRetry,
	canTrack,
	canWithdraw,
	nextPoState,
	PO_EVENT_TYPES,
	stateAfterRestart,
	statesAllowing,
	type PoEventType
} from './po-state';
import { PoState } from './purchase-order';

/**
 * The whole machine written out once more, by hand, as the dealer-facing rules say it: every
 * state × event pair not listed here must be refused. A change to the machine must change this
 * table too, on purpose.
 */
const EXPECTED: Record<PoEventType, Partial<Record<PoState, PoState>>> = {
	queue: { draft: 'queued' },
	send: { queued: 'submitting' },
	check_failed: { queued: 'failed' },
	accepted: { submitting: 'submitted', reconciling: 'submitted' },
	refused: { submitting: 'failed' },
	lost: { submitting: 'unknown', reconciling: 'unknown' },
	reconcile: { unknown: 'reconciling' },
	found: { reconciling: 'submitted' },
	absent: { reconciling: 'queued' },
	lookup_failed: { reconciling: 'unknown' },
	retry: { failed: 'queued' },
	confirm: { submitted: 'confirmed' },
	report: { submitted: 'confirmed', confirmed: 'confirmed', needs_attention: 'needs_attention' },
	attention: {
		submitted: 'needs_attention',
		failed: 'needs_attention',
		unknown: 'needs_attention'
	},
	cancel: { draft: 'cancelled', queued: 'cancelled', failed: 'cancelled' },
	request_cancel: {
		submitted: 'submitted',
		confirmed: 'confirmed',
		needs_attention: 'needs_attention',
		unknown: 'unknown',
		failed: 'failed'
	},
	cancel_refused: {
		submitted: 'submitted',
		confirmed: 'confirmed',
		needs_attention: 'needs_attention',
		unknown: 'unknown',
		failed: 'failed'
	},
	distributor_cancelled: {
		submitted: 'cancelled',
		confirmed: 'cancelled',
		needs_attention: 'cancelled',
		unknown: 'cancelled',
		failed: 'cancelled'
	}
};

const pairs = PoState.options.flatMap((state) =>
	PO_EVENT_TYPES.map((event) => [state, event, EXPECTED[event][state] ?? null] as const)
);

describe('PO state machine', () => {
	it('knows exactly the events of the table', () => {
		expect([...PO_EVENT_TYPES].sort()).toEqual(Object.keys(EXPECTED).sort());
	});

	it.each(pairs)('%s --%s--> %s', (state, event, to) => {
		expect(nextPoState(state, event)).toBe(to);
		expect(statesAllowing(event).includes(state)).toBe(to !== null);
	});

	it('sends only from queued: a second click on a submitting PO does nothing', () => {
		for (const state of PoState.options) {
			expect(nextPoState(state, { type: 'send' }) !== null).toBe(state === 'queued');
		}
	});

	it('a reload mid-call leads to a lookup, never a resend', () => {
		expect(stateAfterRestart('submitting')).toBe('unknown');
		expect(stateAfterRestart('reconciling')).toBe('unknown');
		expect(stateAfterRestart('confirmed')).toBe('confirmed');
		expect(nextPoState('unknown', 'send')).toBeNull();
		expect(nextPoState('unknown', 'retry')).toBeNull();
	});

	it('nothing that may be at the distributor can be withdrawn here: only asked to cancel', () => {
		for (const state of [
			'submitting',
			'submitted',
			'confirmed',
			'unknown',
			'reconciling'
		] as const) {
			expect(nextPoState(state, 'cancel')).toBeNull();
		}
		expect(nextPoState('unknown', 'distributor_cancelled')).toBe('cancelled');
	});

	it.each([
		['queued', { track: false, requestCancel: false, withdraw: true, retry: false }],
		['failed', { track: false, requestCancel: true, withdraw: false, retry: true }],
		['unknown', { track: false, requestCancel: true, withdraw: false, retry: true }],
		['submitted', { track: true, requestCancel: true, withdraw: false, retry: false }],
		['confirmed', { track: true, requestCancel: true, withdraw: false, retry: false }],
		['needs_attention', { track: true, requestCancel: true, withdraw: false, retry: false }],
		['cancelled', { track: false, requestCancel: false, withdraw: false, retry: false }],
		['submitting', { track: false, requestCancel: false, withdraw: false, retry: false }]
	] as const)('what the dealer may do with a %s PO', (state, may) => {
		expect({
			track: canTrack(state),
			requestCancel: canRequestCancel(state),
			withdraw: canWithdraw(state),
			retry: canRetry(state)
		}).toEqual(may);
	});

	it('between two sends there is always a refusal or a lookup that proved the order absent', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...PO_EVENT_TYPES), { maxLength: 60 }), (walk) => {
				let state: PoState = 'draft';
				let isResendAllowed = true;
				for (const type of walk) {
					const next = nextPoState(state, type);
					if (next === null) continue;
					if (type === 'send') {
						if (!isResendAllowed) return false;
						isResendAllowed = false;
					}
					if (type === 'refused' || type === 'absent') isResendAllowed = true;
					state = next;
				}
				return true;
			}),
			{ numRuns: 1000 }
		);
	});
});
