import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import ShowMore from './ShowMore.svelte';

describe('ShowMore', () => {
	it('offers the next page, or what is left of it, and says how many are not shown', async () => {
		const user = userEvent.setup();
		const onmore = vi.fn();
		const { rerender } = render(ShowMore, { rest: 15, pageSize: 10, noun: 'order', onmore });
		expect(screen.getByText('15 not shown')).toBeInTheDocument();
		await user.click(screen.getByRole('button', { name: 'Show 10 more orders' }));
		expect(onmore).toHaveBeenCalledTimes(1);

		await rerender({ rest: 1, pageSize: 10, noun: 'order', onmore });
		expect(screen.getByRole('button', { name: 'Show 1 more order' })).toBeInTheDocument();
	});

	it('shows nothing when every row is shown', () => {
		render(ShowMore, { rest: 0, pageSize: 10, noun: 'order', onmore: () => {} });
		expect(screen.queryByRole('button')).toBeNull();
	});
});
