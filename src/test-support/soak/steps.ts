import fc from 'fast-check';
import type { Fault } from '$lib/simulator/simulator';
import type { MailFault } from './mail-server';
import type { StoreFault } from './world';

/**
 * One thing that happens in the soak: the dealer acts, the store or a distributor does something,
 * a fault is switched on, time passes, a tab crashes. Choices of "which order / which PO" are
 * plain numbers taken modulo what exists when the step runs, so a shrunk history stays valid.
 */
export type DealerStep =
	| { k: 'orders'; n: number; byHand: boolean }
	/** The store takes `n` orders, then the dealer's app syncs with the store. */
	| { k: 'storeSync'; n: number }
	| { k: 'dropship'; pick: number; dist: number; split: boolean; whole: boolean }
	| { k: 'manual'; pick: number; dist: number }
	| { k: 'retry'; pick: number }
	| { k: 'cancelWaiting'; pick: number }
	| { k: 'cancel'; pick: number; isConfirmed: boolean }
	| { k: 'offline'; isOnline: boolean }
	| { k: 'tracking' }
	| { k: 'sendMail'; resendFailed: boolean }
	| { k: 'feed' }
	| { k: 'reload' };

export type WorldStep =
	| { k: 'clock'; hours: number }
	| { k: 'simFault'; dist: number; fault: Fault; steps: number }
	/** `jitterMs`: each request waits up to this long before it goes, so requests overtake. */
	| { k: 'transport'; refuse: number; timeout: number; jitterMs: number; steps: number }
	| { k: 'disk'; steps: number }
	| { k: 'mailFault'; fault: MailFault; steps: number }
	| { k: 'storeFault'; fault: StoreFault; steps: number }
	| { k: 'bounce'; pick: number }
	| { k: 'distCancel'; pick: number }
	| { k: 'backup' };

export type Step =
	| DealerStep
	| WorldStep
	| { k: 'crash'; after: number; step: DealerStep }
	/** `lag`: the second tab starts this many milliseconds after the first, anywhere in its call. */
	| { k: 'twoTabs'; a: DealerStep; b: DealerStep; lag: number };

const SIM_FAULTS: readonly Fault[] = [
	'rate_limited',
	'server_error',
	'dropped_connection',
	'lost_response',
	'malformed_body',
	'out_of_stock',
	'unknown_sku',
	// A distributor that says "duplicate PO" for a PO it may not hold (IDEM-5).
	'duplicate_po'
];

const pick = fc.nat({ max: 1000 });

const dealerStep: fc.Arbitrary<DealerStep> = fc.oneof(
	{
		arbitrary: fc.record({
			k: fc.constant('orders'),
			n: fc.integer({ min: 1, max: 3 }),
			byHand: fc.boolean()
		}),
		weight: 3
	},
	{
		arbitrary: fc.record({
			k: fc.constant('dropship'),
			pick,
			dist: fc.nat({ max: 3 }),
			split: fc.boolean(),
			whole: fc.boolean()
		}),
		weight: 6
	},
	{ arbitrary: fc.record({ k: fc.constant('manual'), pick, dist: fc.nat({ max: 3 }) }), weight: 1 },
	{ arbitrary: fc.record({ k: fc.constant('retry'), pick }), weight: 2 },
	{
		arbitrary: fc.record({ k: fc.constant('storeSync'), n: fc.integer({ min: 0, max: 2 }) }),
		weight: 2
	},
	{ arbitrary: fc.record({ k: fc.constant('cancelWaiting'), pick }), weight: 1 },
	{
		arbitrary: fc.record({ k: fc.constant('cancel'), pick, isConfirmed: fc.boolean() }),
		weight: 1
	},
	{ arbitrary: fc.record({ k: fc.constant('offline'), isOnline: fc.boolean() }), weight: 1 },
	{ arbitrary: fc.record({ k: fc.constant('tracking') }), weight: 3 },
	{ arbitrary: fc.record({ k: fc.constant('sendMail'), resendFailed: fc.boolean() }), weight: 1 },
	{ arbitrary: fc.record({ k: fc.constant('feed') }), weight: 1 },
	{ arbitrary: fc.record({ k: fc.constant('reload') }), weight: 2 }
) as fc.Arbitrary<DealerStep>;

const steps = fc.integer({ min: 1, max: 4 });

const worldStep: fc.Arbitrary<WorldStep> = fc.oneof(
	{
		arbitrary: fc.record({ k: fc.constant('clock'), hours: fc.integer({ min: 1, max: 8 }) }),
		weight: 3
	},
	{
		arbitrary: fc.record({
			k: fc.constant('simFault'),
			dist: fc.nat({ max: 3 }),
			fault: fc.constantFrom(...SIM_FAULTS),
			steps
		}),
		weight: 3
	},
	{
		arbitrary: fc.record({
			k: fc.constant('transport'),
			refuse: fc.constantFrom(0, 0.1, 0.3),
			timeout: fc.constantFrom(0, 0.1, 0.3),
			jitterMs: fc.constantFrom(0, 10, 30),
			steps
		}),
		weight: 1
	},
	{ arbitrary: fc.record({ k: fc.constant('disk'), steps }), weight: 1 },
	{
		arbitrary: fc.record({
			k: fc.constant('mailFault'),
			fault: fc.constantFrom<MailFault>('refuse', 'lost_answer'),
			steps
		}),
		weight: 1
	},
	{
		arbitrary: fc.record({
			k: fc.constant('storeFault'),
			fault: fc.constantFrom<StoreFault>('refuse', 'drop_writes'),
			steps
		}),
		weight: 1
	},
	{ arbitrary: fc.record({ k: fc.constant('bounce'), pick }), weight: 1 },
	{ arbitrary: fc.record({ k: fc.constant('distCancel'), pick }), weight: 1 },
	{ arbitrary: fc.record({ k: fc.constant('backup') }), weight: 1 }
) as fc.Arbitrary<WorldStep>;

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
	{ arbitrary: dealerStep, weight: 10 },
	{ arbitrary: worldStep, weight: 6 },
	{
		arbitrary: fc.record({
			k: fc.constant('crash' as const),
			after: fc.integer({ min: 1, max: 6 }),
			step: dealerStep
		}),
		weight: 2
	},
	{
		arbitrary: fc.record({
			k: fc.constant('twoTabs' as const),
			a: dealerStep,
			b: dealerStep,
			lag: fc.nat({ max: 40 })
		}),
		weight: 2
	}
);

/** A day: some steps, then the clock moves on to the next morning. */
export const dayArb = (maxSteps: number) =>
	fc.array(stepArb, { minLength: Math.min(4, maxSteps), maxLength: maxSteps });

/** A history of `days` days. */
/**
 * A stormy day (the short run's: few steps, so the faults that matter most are made sure of)
 * opens with an answer going missing at one distributor while the dealer drop-ships.
 */
const storm: fc.Arbitrary<Step[]> = fc.tuple(
	fc.record({
		k: fc.constant('simFault' as const),
		dist: fc.nat({ max: 3 }),
		fault: fc.constantFrom<Fault>('lost_response', 'dropped_connection', 'server_error'),
		steps: fc.integer({ min: 2, max: 4 })
	}),
	fc.record({
		k: fc.constant('dropship' as const),
		pick,
		dist: fc.nat({ max: 3 }),
		split: fc.boolean(),
		whole: fc.boolean()
	})
);

export const historyArb = (days: number, maxStepsPerDay = 14, isStormy = false) =>
	fc.array(
		isStormy
			? fc.tuple(storm, dayArb(maxStepsPerDay)).map(([a, b]) => [...a, ...b])
			: dayArb(maxStepsPerDay),
		{ minLength: days, maxLength: days }
	);
