import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { EMPTY_ORDER_FILTER } from '$lib/domain/order-filter';
import OrderFilters from './OrderFilters.svelte';

describe('the order filters', () => {
	it('shows the filters from the URL in their fields', () => {
		render(OrderFilters, {
			filter: { ...EMPTY_ORDER_FILTER, q: 'cody', state: 'shipped', distributor: 'pu' },
			onchange: vi.fn(),
			onclear: vi.fn()
		});
		expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('cody');
		expect(screen.getByRole('combobox', { name: 'State' })).toHaveValue('shipped');
		expect(screen.getByRole('combobox', { name: 'Distributor' })).toHaveValue('pu');
	});

	it('reports each change as a patch for the URL', async () => {
		const user = userEvent.setup();
		const onchange = vi.fn();
		render(OrderFilters, { filter: EMPTY_ORDER_FILTER, onchange, onclear: vi.fn() });

		await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'Drop-shipped');
		expect(onchange).toHaveBeenLastCalledWith({ state: 'dropshipped' });
		await user.selectOptions(screen.getByRole('combobox', { name: 'Distributor' }), 'Tucker Rocky');
		expect(onchange).toHaveBeenLastCalledWith({ distributor: 'tucker' });
		await user.type(screen.getByRole('searchbox', { name: 'Search' }), '7');
		expect(onchange).toHaveBeenLastCalledWith({ q: '7' });
	});

	it('offers Clear filters only when a filter is used', async () => {
		const user = userEvent.setup();
		const onclear = vi.fn();
		const { rerender } = render(OrderFilters, {
			filter: EMPTY_ORDER_FILTER,
			onchange: vi.fn(),
			onclear
		});
		expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
		await rerender({ filter: { ...EMPTY_ORDER_FILTER, from: '2025-01-01' } });
		await user.click(screen.getByRole('button', { name: 'Clear filters' }));
		expect(onclear).toHaveBeenCalledOnce();
	});
});
