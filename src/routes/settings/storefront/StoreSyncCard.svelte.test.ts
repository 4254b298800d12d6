import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { Component } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import type { StoreConnection } from '$lib/domain/storefront';
import { bugReports } from '$lib/state/bug-report.svelte';
import type { Client } from '$lib/worker-client/client.svelte';
import WithClient from '$test-support/components/WithClient.svelte';
import StoreSyncCard from './StoreSyncCard.svelte';

const connection: StoreConnection = {
	storefrontId: 'shopify',
	credentials: { shop: 'ridge-line.myshopify.com', accessToken: '••••••9F2C' },
	sealed: {},
	notifier: 'store',
	connectedAt: '2026-12-01T09:00:00.000Z'
};

function renderCard(storefront: Record<string, unknown>) {
	return render(WithClient, {
		props: {
			client: { storefront } as unknown as Client,
			component: StoreSyncCard as unknown as Component<Record<string, unknown>>,
			innerProps: { connection, sync: null }
		}
	});
}

describe('the store sync card', () => {
	it('says "Not connected" with the store’s reason, and a refused sync in words', async () => {
		const user = userEvent.setup();
		renderCard({
			testConnection: vi.fn(async () => ({
				ok: true,
				value: { at: '2026-12-06T05:00:00.000Z', ok: false, message: 'Shopify refused the token.' }
			})),
			sync: vi.fn(async () => ({
				ok: false,
				error: { code: 'unavailable', message: 'Shopify did not answer; nothing changed.' }
			}))
		});
		await user.click(screen.getByRole('button', { name: 'Test connection' }));
		expect(await screen.findByText('Not connected.')).toBeInTheDocument();
		expect(screen.getByText('Shopify refused the token.')).toBeInTheDocument();
		await user.click(screen.getByRole('button', { name: 'Sync now' }));
		expect(await screen.findByText('Shopify did not answer; nothing changed.')).toBeInTheDocument();
		expect(screen.getByRole('button', { name: 'Sync now' })).toBeEnabled();
	});

	it('a sync that throws (a bug) frees the button and reaches the bug notice', async () => {
		const user = userEvent.setup();
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		renderCard({
			sync: vi.fn(async () => {
				throw new Error('store sync exploded');
			}),
			setNotifier: vi.fn(async () => {
				throw new Error('notifier exploded');
			})
		});
		await user.click(screen.getByRole('button', { name: 'Sync now' }));
		expect(
			await screen.findByText(/Something went wrong inside Dropship Desk/)
		).toBeInTheDocument();
		expect(screen.getByRole('button', { name: 'Sync now' })).toBeEnabled();
		await user.click(screen.getByRole('radio', { name: /Dropship Desk/ }));
		expect(await screen.findByRole('alert')).toHaveTextContent(/Something went wrong/);
		expect(bugReports.items.map((b) => b.message)).toEqual(
			expect.arrayContaining(['store sync exploded', 'notifier exploded'])
		);
		error.mockRestore();
	});
});
