import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { Component } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import type { DistributorAccount } from '$lib/domain/account';
import type { Client } from '$lib/worker-client/client.svelte';
import WithClient from '$test-support/components/WithClient.svelte';
import DistributorAccountCard from './DistributorAccountCard.svelte';

/** A worker client double: only the methods the card calls, answering as the worker does. */
function fakeClient(overrides: Record<string, unknown> = {}) {
	const distributors = {
		saveAccount: vi.fn(async () => ({ ok: true, value: undefined })),
		setEnabled: vi.fn(async () => ({ ok: true, value: undefined })),
		setPrerequisite: vi.fn(async () => ({ ok: true, value: undefined })),
		testConnection: vi.fn(async () => ({
			ok: true,
			value: { at: '2025-03-07T14:05:00.000Z', ok: true, message: 'Accepted.', warnings: [] }
		})),
		...overrides
	};
	return { client: { distributors } as unknown as Client, distributors };
}

const savedPu: DistributorAccount = {
	id: 'pu',
	isEnabled: true,
	// As the worker stores it once sealed: the secret itself is gone, a hint remains.
	credentials: { dealerNumber: '10001', apiKey: '••••••3F9A' },
	prerequisitesDone: [],
	updatedAt: '2025-03-07T14:00:00.000Z'
};

function renderCard(client: Client, account: DistributorAccount | undefined, distributorId = 'pu') {
	return render(WithClient, {
		props: {
			client,
			component: DistributorAccountCard as unknown as Component<Record<string, unknown>>,
			innerProps: { distributorId, account }
		}
	});
}

describe('the distributor account card', () => {
	it('asks exactly for the distributor’s own fields', () => {
		renderCard(fakeClient().client, undefined, 'tucker');
		const form = screen.getByRole('form', { name: 'Tucker Rocky credentials' });
		expect(within(form).getByLabelText('Customer number')).toBeInTheDocument();
		expect(within(form).getByLabelText('API key')).toBeInTheDocument();
		expect(within(form).queryByLabelText('Dealer number')).toBeNull();
		expect(within(form).queryByLabelText('API token')).toBeNull();
	});

	it("says Automatic's API address is not set, and refuses an address that is not https", async () => {
		const user = userEvent.setup();
		const { client, distributors } = fakeClient();
		const saved: DistributorAccount = {
			id: 'automatic',
			isEnabled: true,
			credentials: { apiToken: '••••••AB12' },
			prerequisitesDone: [],
			updatedAt: '2025-03-07T14:00:00.000Z'
		};
		renderCard(client, saved, 'automatic');
		expect(screen.getByText(/Automatic's API address is not set/)).toBeInTheDocument();
		expect(screen.getByText('Not set up')).toBeInTheDocument();
		const form = screen.getByRole('form', { name: 'Automatic Distributors credentials' });
		await user.type(
			within(form).getByLabelText('API address (from your Automatic rep)'),
			'http://api.rep-gave.example/v2'
		);
		await user.click(within(form).getByRole('button', { name: /save/i }));
		expect(
			await screen.findByText('The API address must start with https://.')
		).toBeInTheDocument();
		expect(distributors.saveAccount).not.toHaveBeenCalled();
	});

	it('keeps a secret masked until the dealer asks to see it', async () => {
		const user = userEvent.setup();
		renderCard(fakeClient().client, savedPu);
		const key = screen.getByLabelText('API key');
		expect(key).toHaveAttribute('type', 'password');
		expect(screen.getByText('Saved: ••••••3F9A')).toBeInTheDocument();
		expect(screen.getByLabelText('Dealer number')).toHaveAttribute('type', 'text');

		await user.clear(key);
		await user.type(key, 'NEWKEY-1234');
		const toggle = screen.getByRole('button', { name: 'Show API key' });
		expect(toggle).toHaveAttribute('aria-pressed', 'false');
		await user.click(toggle);
		expect(key).toHaveAttribute('type', 'text');
		expect(key).toHaveValue('NEWKEY-1234');
		const hide = screen.getByRole('button', { name: 'Hide API key' });
		expect(hide).toHaveAttribute('aria-pressed', 'true');
		await user.click(hide);
		expect(key).toHaveAttribute('type', 'password');
	});

	it('shows a missing field’s message next to it and does not save', async () => {
		const user = userEvent.setup();
		const { client, distributors } = fakeClient();
		renderCard(client, undefined);
		await user.type(screen.getByLabelText('Dealer number'), '10001');
		await user.click(screen.getByRole('button', { name: 'Save' }));

		const key = screen.getByLabelText('API key');
		expect(key).toHaveAttribute('aria-invalid', 'true');
		expect(key).toHaveAccessibleDescription('API key is required.');
		expect(key).toHaveFocus();
		expect(distributors.saveAccount).not.toHaveBeenCalled();
	});

	it('shows the worker’s answer next to the field it names', async () => {
		const user = userEvent.setup();
		const { client, distributors } = fakeClient({
			saveAccount: vi.fn(async () => ({
				ok: false,
				error: {
					code: 'validation',
					message: 'Parts Unlimited does not know this dealer number.',
					field: 'credentials.dealerNumber'
				}
			}))
		});
		renderCard(client, savedPu);
		await user.click(screen.getByRole('button', { name: 'Save' }));

		expect(distributors.saveAccount).toHaveBeenCalledWith({
			distributorId: 'pu',
			credentials: { dealerNumber: '10001', apiKey: '••••••3F9A' }
		});
		expect(
			await screen.findByText('Parts Unlimited does not know this dealer number.')
		).toBeVisible();
		expect(screen.getByLabelText('Dealer number')).toHaveAttribute('aria-invalid', 'true');
	});

	it('says what the connection test found, in a live region', async () => {
		const user = userEvent.setup();
		const { client } = fakeClient({
			testConnection: vi.fn(async () => ({
				ok: true,
				value: {
					at: '2025-03-07T14:05:00.000Z',
					ok: true,
					message: 'Parts Unlimited accepted the credentials.',
					warnings: ['Drop-ship is not enabled yet.']
				}
			}))
		});
		renderCard(client, savedPu);
		await user.click(screen.getByRole('button', { name: 'Test connection' }));
		const status = await screen.findByText(/accepted the credentials/);
		expect(status.closest('[role="status"]')).not.toBeNull();
		expect(screen.getByText('Drop-ship is not enabled yet.')).toBeInTheDocument();
	});

	it('shows progress and takes no second click while the test runs', async () => {
		const user = userEvent.setup();
		let answer: (value: unknown) => void = () => {};
		const { client } = fakeClient({
			testConnection: vi.fn(() => new Promise((resolve) => (answer = resolve)))
		});
		renderCard(client, savedPu);
		await user.click(screen.getByRole('button', { name: 'Test connection' }));
		const busy = screen.getByRole('button', { name: /Testing/ });
		expect(busy).toBeDisabled();
		expect(busy).toHaveAttribute('aria-busy', 'true');

		answer({ ok: false, error: { code: 'auth', message: 'Parts Unlimited refused the API key.' } });
		expect(await screen.findByText(/refused the API key/)).toBeInTheDocument();
		expect(screen.getByRole('button', { name: 'Test connection' })).toBeEnabled();
	});
});
