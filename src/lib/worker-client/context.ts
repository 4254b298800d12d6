import { getContext, setContext } from 'svelte';
import type { Client } from './client.svelte';

const KEY = Symbol('worker-client');

export function setClient(client: Client): void {
	setContext(KEY, client);
}

/** The worker client the root layout started. */
export function getClient(): Client {
	const client = getContext<Client | undefined>(KEY);
	if (!client) throw new Error('getClient() called outside the app layout');
	return client;
}
