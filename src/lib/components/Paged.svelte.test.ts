import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import PagedHarness from './testing/PagedHarness.svelte';

describe('Paged', () => {
	it('shows a page at a time and says how many are left', async () => {
		const user = userEvent.setup();
		const items = Array.from({ length: 25 }, (_, i) => i + 1);
		render(PagedHarness, { items, pageSize: 10 });
		expect(screen.getAllByRole('listitem')).toHaveLength(10);
		expect(screen.getByText('15 not shown')).toBeInTheDocument();

		await user.click(screen.getByRole('button', { name: 'Show 10 more orders' }));
		expect(screen.getAllByRole('listitem')).toHaveLength(20);
		await user.click(screen.getByRole('button', { name: 'Show 5 more orders' }));
		expect(screen.getAllByRole('listitem')).toHaveLength(25);
		expect(screen.queryByRole('button')).toBeNull();
	});
});
