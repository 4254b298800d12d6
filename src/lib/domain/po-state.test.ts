import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextPoState, stateAfterRestart, type PoEvent } from './po-state';
import { PoState } from './purchase-order';

describe('PO state machine', () => {
	it.each([
		['draft', 'queue', 'queued'],
		['queued', 'send', 'submitting'],
		['submitting', 'accepted', 'submitted'],
		['submitting', 'refused', 'failed'],
		['submitting', 'lost', 'unknown'],
		['unknown', 'reconcile', 'reconciling'],
		['reconciling', 'found', 'submitted'],
		['reconciling', 'absent', 'queued'],
		['reconciling', 'lookup_failed', 'unknown'],
		['failed', 'retry', 'queued'],
		['submitted', 'confirm', 'confirmed']
	] as const)('%s --%s--> %s', (from, event, to) => {
		expect(nextPoState(from, { type: event })).toBe(to);
	});

	it('a queued PO whose live stock check fails before it is sent is refused, not left queued (found by the soak)', () => {
		expect(nextPoState('queued', { type: 'refused' })).toBe('failed');
		expect(nextPoState('failed', { type: 'retry' })).toBe('queued');
	});

	it('sends only from queued: a second click on a submitting PO does nothing', () => {
		for (const state of PoState.options) {
			expect(nextPoState(state, { type: 'send' }) !== null).toBe(state === 'queued');
		}
	});

	it('a reload mid-call leads to a lookup, never a resend', () => {
		expect(stateAfterRestart('submitting')).toBe('unknown');
		expect(nextPoState('unknown', { type: 'send' })).toBeNull();
		expect(nextPoState('unknown', { type: 'retry' })).toBeNull();
	});

	it('between two sends there is always a refusal or a lookup that proved the order absent', () => {
		const events: PoEvent['type'][] = [
			'queue',
			'send',
			'accepted',
			'refused',
			'lost',
			'reconcile',
			'found',
			'absent',
			'lookup_failed',
			'retry',
			'confirm',
			'attention',
			'cancel'
		];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...events), { maxLength: 60 }), (walk) => {
				let state: PoState = 'draft';
				let isResendAllowed = true;
				for (const type of walk) {
					const next = nextPoState(state, { type } as PoEvent);
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
