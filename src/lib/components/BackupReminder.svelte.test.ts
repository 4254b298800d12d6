import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import BackupReminder from './BackupReminder.svelte';

const now = new Date('2026-11-20T15:00:00.000Z');

describe('BackupReminder (STOR-5)', () => {
	it('asks for a first backup, linking to Settings › Data', () => {
		render(BackupReminder, { lastBackupAt: null, now });
		expect(screen.getByText(/not made a backup/)).toBeInTheDocument();
		expect(
			screen.getByRole('link', { name: 'Export a backup in Settings › Data' })
		).toHaveAttribute('href', '/settings/data');
	});

	it('reminds when the last backup is older than 7 days, with its date', () => {
		render(BackupReminder, { lastBackupAt: '2026-11-10T09:00:00.000Z', now });
		expect(screen.getByText(/No backup in the last 7 days/)).toBeInTheDocument();
		expect(screen.getByRole('time')).toHaveAttribute('datetime', '2026-11-10T09:00:00.000Z');
	});

	it('says nothing after a recent backup, or before the date is read', () => {
		const { container } = render(BackupReminder, { lastBackupAt: '2026-11-18T09:00:00.000Z', now });
		expect(container).toHaveTextContent('');
		const unread = render(BackupReminder, { lastBackupAt: undefined, now });
		expect(unread.container).toHaveTextContent('');
	});
});
