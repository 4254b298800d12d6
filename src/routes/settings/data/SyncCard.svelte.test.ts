import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { Component } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Client } from '$lib/worker-client/client.svelte';
import WithClient from '$test-support/components/WithClient.svelte';
import SyncCard from './SyncCard.svelte';

function renderCard(sync: Record<string, unknown>) {
	const client = {
		sync: {
			getConfig: vi.fn(async () => ({ ok: true, value: null })),
			status: vi.fn(async () => ({ ok: true, value: { phase: 'off', pending: 0 } })),
			...sync
		}
	} as unknown as Client;
	return render(WithClient, {
		props: {
			client,
			component: SyncCard as unknown as Component<Record<string, unknown>>,
			innerProps: {}
		}
	});
}

async function fillAndSave(user: ReturnType<typeof userEvent.setup>) {
	await user.type(screen.getByLabelText('Server address'), 'https://couch.example.com');
	await user.type(screen.getByLabelText('Database'), 'ridgeline');
	await user.click(screen.getByRole('button', { name: 'Save' }));
}

describe('the sync card', () => {
	it('names the field the worker refused', async () => {
		const user = userEvent.setup();
		renderCard({
			configure: vi.fn(async () => ({
				ok: false,
				error: { code: 'validation', field: 'url', message: 'must start with https://' }
			}))
		});
		await fillAndSave(user);
		expect(await screen.findByRole('alert')).toHaveTextContent('url: must start with https://');
		expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled();
	});

	it('a Save that throws (a bug) says so and frees the buttons', async () => {
		const user = userEvent.setup();
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		renderCard({
			configure: vi.fn(async () => {
				throw new Error('replicator exploded');
			})
		});
		await fillAndSave(user);
		expect(await screen.findByRole('alert')).toHaveTextContent(/Something went wrong/);
		expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled();
		expect(screen.getByRole('button', { name: 'Test connection' })).toBeEnabled();
		logged.mockRestore();
	});
});
