import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISTRIBUTOR_IDS } from './distributor';
import { formatPoNumber, poNumberProblem } from './po-number';

describe('PO numbers', () => {
	it('are unique and within every distributor limit over 100k orders', () => {
		const seen = new Set<string>();
		for (let sequence = 1; sequence <= 100_000; sequence++) {
			const po = formatPoNumber('RL', sequence);
			expect(seen.has(po)).toBe(false);
			seen.add(po);
		}
		for (const po of [formatPoNumber('RIDGE1', 999_999_999), formatPoNumber('RL', 1)]) {
			for (const id of DISTRIBUTOR_IDS) expect(poNumberProblem(po, id)).toBeNull();
		}
		// A budget for a loaded machine, not a speed goal.
	}, 60_000);

	it('accepts any valid prefix and sequence for every distributor', () => {
		fc.assert(
			fc.property(
				fc.stringMatching(/^[A-Z0-9]{2,6}$/),
				fc.integer({ min: 1, max: 99_999_999 }),
				(prefix, seq) =>
					DISTRIBUTOR_IDS.every((id) => poNumberProblem(formatPoNumber(prefix, seq), id) === null)
			),
			{ numRuns: 1000 }
		);
	});

	it('explains what is wrong with an edited PO number', () => {
		expect(poNumberProblem('', 'pu')).toMatch(/required/);
		expect(poNumberProblem('RL 12', 'pu')).toMatch(/capital letters/);
		expect(poNumberProblem('RL000000000000000000001', 'automatic')).toMatch(/at most 22/);
		expect(poNumberProblem('RL0000000000000000001', 'pu')).toMatch(/at most 20/);
	});
});
