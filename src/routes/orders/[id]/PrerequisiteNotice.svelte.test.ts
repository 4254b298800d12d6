import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import PrerequisiteNotice from './PrerequisiteNotice.svelte';

describe('PrerequisiteNotice', () => {
	it("names the distributor's unticked prerequisites before the dealer confirms", () => {
		render(PrerequisiteNotice, {
			distributorId: 'wps',
			account: { prerequisitesDone: ['Order processing is enabled for the API token'] }
		});
		const note = screen.getByRole('note', { name: 'Western Power Sports account checklist' });
		expect(note).toHaveTextContent('Western Power Sports may refuse this order');
		expect(note).toHaveTextContent('A tax ID is on file with WPS');
		expect(note).not.toHaveTextContent('Order processing');
		expect(screen.getByRole('link', { name: 'Settings › Order automation' })).toHaveAttribute(
			'href',
			'/settings/order-automation'
		);
	});

	it('says nothing when every prerequisite is ticked', () => {
		render(PrerequisiteNotice, {
			distributorId: 'tucker',
			account: { prerequisitesDone: ['A credit card is on file with Tucker Rocky'] }
		});
		expect(screen.queryByRole('note')).toBeNull();
	});
});
