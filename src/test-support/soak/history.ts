import fc from 'fast-check';
import { historyArb, type Step } from './steps';

/** The history a seed stands for: the same seed gives the same days, steps and choices. */
export function historyFor(seed: number, days: number): Step[][] {
	const [history] = fc.sample(historyArb(days), { seed, numRuns: 1 });
	if (!history) throw new Error('fast-check gave no history');
	return history;
}
