import * as Comlink from 'comlink';
import type { WorkerApi } from '$lib/worker/api';
import { wrapRemote, type Client } from './client.svelte';

/** Starts the backend worker. Browser only: call it from a component, never from a load function. */
export function startWorker(): { client: Client; worker: Worker } {
	const worker = new Worker(new URL('../worker/index.ts', import.meta.url), {
		type: 'module',
		name: 'dropship-desk-backend'
	});
	return { client: wrapRemote(Comlink.wrap<WorkerApi>(worker)), worker };
}
