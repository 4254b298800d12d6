import { describe, expect, it } from 'vitest';
import { missingPrerequisites } from './account';

describe('missingPrerequisites', () => {
	it('names what the dealer has not ticked, in the checklist order', () => {
		expect(
			missingPrerequisites('wps', {
				prerequisitesDone: ['Order processing is enabled for the API token']
			})
		).toEqual(['A tax ID is on file with WPS']);
		expect(missingPrerequisites('tucker', undefined)).toEqual([
			'A credit card is on file with Tucker Rocky'
		]);
		expect(
			missingPrerequisites('tucker', {
				prerequisitesDone: ['A credit card is on file with Tucker Rocky']
			})
		).toEqual([]);
		expect(missingPrerequisites('automatic', { prerequisitesDone: [] })).toEqual([]);
	});
});
