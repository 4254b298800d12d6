import * as Comlink from 'comlink';
import type { Result } from '$lib/domain/result';
import type { Workspace } from '$lib/domain/workspace';
import type { WorkerApi } from '$lib/worker/api';
import type { WorkerBoot } from '$lib/worker/boot';
import { wrapRemote, type Client } from './client.svelte';

/**
 * Starts the backend worker on one database. Browser only: call it from a component, never from a
 * load function. `opened` settles once the worker has opened that database; no other call may be
 * made before (the page reads the same database, see queries.ts `useWorkspace`).
 */
export function startWorker(workspace: Workspace): {
	client: Client;
	worker: Worker;
	opened: Promise<Result<{ workspace: Workspace }>>;
} {
	const worker = new Worker(new URL('../worker/index.ts', import.meta.url), {
		type: 'module',
		name: 'dropship-desk-backend'
	});
	const remote = Comlink.wrap<WorkerApi>(worker);
	// Comlink types nested plain objects as promises; at run time `boot.open` is a remote call.
	const { boot } = remote as unknown as WorkerBoot;
	return { client: wrapRemote(remote), worker, opened: boot.open({ workspace }) };
}
