import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import FeedProgress from './FeedProgress.svelte';

describe('FeedProgress', () => {
	it('shows rows, percent and speed in a progress bar, and cancels', async () => {
		const oncancel = vi.fn();
		render(FeedProgress, {
			rows: 81_234,
			percent: 40.6,
			rowsPerSecond: 120_000,
			stage: 'reading',
			oncancel
		});
		expect(screen.getByRole('progressbar', { name: 'Reading the feed' })).toHaveAttribute(
			'value',
			'40.6'
		);
		expect(screen.getByRole('status')).toHaveTextContent('81,234 rows · 41% · 120,000 rows/s');
		await userEvent.setup().click(screen.getByRole('button', { name: 'Cancel' }));
		expect(oncancel).toHaveBeenCalledOnce();
	});

	it('takes the focus when it was lost (Import disabled as the import starts), not otherwise', () => {
		const props = { rows: 0, percent: 0, rowsPerSecond: 0, stage: 'reading', oncancel: vi.fn() };
		const first = render(FeedProgress, props);
		expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
		first.unmount();

		const elsewhere = document.createElement('input');
		document.body.append(elsewhere);
		elsewhere.focus();
		render(FeedProgress, props);
		expect(document.activeElement).toBe(elsewhere);
		elsewhere.remove();
	});

	it('says Cancel no longer applies once the catalog is being saved, and keeps the button', async () => {
		const oncancel = vi.fn();
		render(FeedProgress, {
			rows: 200_000,
			percent: 100,
			rowsPerSecond: 0,
			stage: 'storing',
			oncancel
		});
		const button = screen.getByRole('button', { name: 'Cancel' });
		expect(button).toHaveAttribute('aria-disabled', 'true');
		expect(button).toHaveAccessibleDescription(
			'Almost done: the new catalog is being saved and can no longer be cancelled.'
		);
		await userEvent.setup().click(button);
		expect(oncancel).not.toHaveBeenCalled();
	});
});
