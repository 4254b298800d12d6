import { describe, expect, it } from 'vitest';
import { setupProgress, type SetupFacts } from './setup';

const fresh: SetupFacts = {
	isProfileSaved: false,
	enabledDistributors: [],
	feedDistributors: [],
	orderCount: 0,
	hasMailServer: false
};

describe('the setup checklist', () => {
	it('starts at 0 of 5 and counts each step from the data', () => {
		expect(setupProgress(fresh).summary).toBe('0 of 5 set up');
		const two = setupProgress({ ...fresh, isProfileSaved: true, enabledDistributors: ['wps'] });
		expect(two.summary).toBe('2 of 5 set up');
		expect(two.steps.filter((s) => !s.isDone).map((s) => s.id)).toEqual([
			'feeds',
			'orders',
			'email'
		]);
	});

	it('counts feeds once every enabled distributor has one, never with none enabled', () => {
		expect(setupProgress({ ...fresh, feedDistributors: ['pu'] }).steps[2]?.isDone).toBe(false);
		const partly = {
			...fresh,
			enabledDistributors: ['wps', 'pu'] as const,
			feedDistributors: ['wps'] as const
		};
		expect(setupProgress(partly).steps[2]?.isDone).toBe(false);
		expect(setupProgress({ ...partly, feedDistributors: ['wps', 'pu'] }).steps[2]?.isDone).toBe(
			true
		);
	});

	it('is 5 of 5 when all is done', () => {
		const all = setupProgress({
			isProfileSaved: true,
			enabledDistributors: ['wps'],
			feedDistributors: ['wps'],
			orderCount: 3,
			hasMailServer: true
		});
		expect(all).toMatchObject({ doneCount: 5, summary: '5 of 5 set up' });
	});
});
