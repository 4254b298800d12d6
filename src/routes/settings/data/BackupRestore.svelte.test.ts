import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { Component } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Client } from '$lib/worker-client/client.svelte';
import WithClient from '$test-support/components/WithClient.svelte';
import BackupRestore from './BackupRestore.svelte';

const changes = [{ table: 'orders', incoming: 30, added: 30, changed: 0, unchanged: 0 }];

function renderRestore(restore: (input: { passphrase?: string }) => Promise<unknown>) {
	const backup = {
		preview: vi.fn(async () => ({
			ok: true,
			value: { exportedAt: '2026-11-19T10:00:00.000Z', hasSecrets: true, changes }
		})),
		restore: vi.fn(restore)
	};
	render(WithClient, {
		props: {
			client: { backup } as unknown as Client,
			component: BackupRestore as unknown as Component<Record<string, unknown>>,
			innerProps: {}
		}
	});
	return backup;
}

const file = () =>
	new File(['{"format":"dropship-desk-backup"}'], 'backup.json', { type: 'application/json' });

describe('BackupRestore (STOR-6)', () => {
	it('asks for the export passphrase when the file carries credentials, and sends it', async () => {
		const backup = renderRestore(async () => ({
			ok: true,
			value: { changes, isCredentialsRestored: true, needsCredentials: [] }
		}));
		const user = userEvent.setup();
		await user.upload(screen.getByLabelText('Backup file'), file());
		expect(await screen.findByRole('row', { name: 'orders 30 30 0' })).toBeInTheDocument();
		await user.type(
			screen.getByLabelText(/Passphrase the backup was exported with/),
			'ridge line 2026'
		);
		await user.click(screen.getByRole('button', { name: 'Restore backup' }));
		expect(await screen.findByRole('status')).toHaveTextContent(
			'Backup restored. Credentials restored from the backup.'
		);
		expect(backup.restore).toHaveBeenCalledWith(
			expect.objectContaining({ mode: 'merge', passphrase: 'ridge line 2026' })
		);
	});

	it('without the passphrase, says which credentials need re-entering', async () => {
		renderRestore(async (input) => ({
			ok: true,
			value: {
				changes,
				isCredentialsRestored: false,
				needsCredentials: input.passphrase ? [] : ['Western Power Sports credentials']
			}
		}));
		const user = userEvent.setup();
		await user.upload(screen.getByLabelText('Backup file'), file());
		await user.click(await screen.findByRole('button', { name: 'Restore backup' }));
		expect(await screen.findByRole('status')).toHaveTextContent(
			'Credentials need re-entering (Settings › Order automation, Settings › Email): Western Power Sports credentials.'
		);
	});

	it('shows a wrong passphrase as an alert, nothing restored', async () => {
		renderRestore(async () => ({
			ok: false,
			error: {
				code: 'auth',
				message:
					'That passphrase does not open the credentials in this backup. Nothing was restored.'
			}
		}));
		const user = userEvent.setup();
		await user.upload(screen.getByLabelText('Backup file'), file());
		await user.type(await screen.findByLabelText(/Passphrase the backup/), 'wrong one here');
		await user.click(screen.getByRole('button', { name: 'Restore backup' }));
		expect(await screen.findByRole('alert')).toHaveTextContent('Nothing was restored.');
	});
});
