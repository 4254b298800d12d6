import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Warehouse } from '$lib/domain/rules';
import RulesWarehouses from './RulesWarehouses.svelte';

const fresno: Warehouse = {
	id: 'wps:CA',
	distributorId: 'wps',
	code: 'CA',
	name: 'Fresno, CA',
	leadTimeDays: 1,
	cutoffCents: 2500
};
const fromFeed: Warehouse = {
	id: 'wps:NV',
	distributorId: 'wps',
	code: 'NV',
	name: 'NV',
	leadTimeDays: 1,
	cutoffCents: 0,
	isNew: true
};

describe('RulesWarehouses', () => {
	it('shows a warehouse from a feed as new with no lead time; typing one saves only that', async () => {
		const onsave = vi.fn(async () => null);
		render(RulesWarehouses, { warehouses: [fresno, fromFeed], onsave });
		expect(screen.getByText(/1 warehouse from your feeds is new/)).toBeInTheDocument();
		const row = screen.getByRole('row', { name: /NV/ });
		expect(
			within(row).getByText('New — not drop-shippable until you set a lead time')
		).toBeInTheDocument();
		const lead = within(row).getByLabelText('Lead time in days for NV');
		expect(lead).toHaveValue(null);
		expect(
			within(screen.getByRole('row', { name: /Fresno/ })).getByText('Yes')
		).toBeInTheDocument();

		await fireEvent.change(within(row).getByLabelText('Drop-ship cutoff for NV'), {
			target: { value: '$30.00' }
		});
		expect(onsave).toHaveBeenLastCalledWith(fromFeed, { cutoffCents: 3000 });
		await fireEvent.change(lead, { target: { value: '1' } });
		expect(onsave).toHaveBeenLastCalledWith(fromFeed, { leadTimeDays: 1 });
		await fireEvent.change(lead, { target: { value: '' } });
		expect(onsave).toHaveBeenCalledTimes(2);
		expect(within(row).getByText(/is not a number of days/)).toBeInTheDocument();
	});
});
