import * as Comlink from 'comlink';
import type { Result } from '$lib/domain/result';
import type { Workspace } from '$lib/domain/workspace';
import type { WorkerApi } from '$lib/worker/api';
import type { WorkerBoot } from '$lib/worker/boot';
import { hasStartedBefore } from '$lib/state/workspace';
import { wrapRemote, type Client } from './client.svelte';
// The built worker's address (it changes with every version): app.html's early start reads it.
import workerUrl from '../worker/index.ts?worker&url';

export interface StartedWorker {
	client: Client;
	starter: Client;
	worker: Worker;
	opened: Promise<Result<{ workspace: Workspace }>>;
	settleStart: (started: { ok: boolean }) => void;
}

/**
 * Starts the backend worker on one database. Browser only: call it from a component, never from a
 * load function. `opened` settles once the worker has opened that database (the page reads the
 * same database, see queries.ts `useWorkspace`); `starter` is for the app frame alone, which
 * starts the workspace (`ensureStarted`) and reports it with `settleStart`. Every call of
 * `client` waits for that report, so no page reaches the worker before its workspace has started,
 * however early the page shows.
 */
export function startWorker(workspace: Workspace): StartedWorker {
	const worker =
		adoptEarlyWorker(workspace) ??
		new Worker(workerUrl, { type: 'module', name: 'dropship-desk-backend' });
	rememberWorkerUrl();
	const remote = Comlink.wrap<WorkerApi>(worker);
	// Comlink types nested plain objects as promises; at run time `boot.open` is a remote call.
	const { boot } = remote as unknown as WorkerBoot;
	// On a warm start the database holds the catalog and the first screen comes from the page's
	// own reads: the worker loads the catalog index as soon as it has opened the database.
	const opened = boot.open({ workspace, loadCatalog: hasStartedBefore(workspace) });
	let settleStart: (started: { ok: boolean }) => void = () => undefined;
	const started = new Promise<{ ok: boolean }>((resolve) => (settleStart = resolve));
	return {
		client: wrapRemote(remote, started),
		starter: wrapRemote(remote, opened),
		worker,
		opened,
		settleStart
	};
}

/** Where app.html's early start finds the worker's address, and leaves the worker it started. */
const URL_KEY = 'dropship-desk:worker-url';
type EarlyWindow = {
	dropshipDeskEarlyWorker?: { url: string; worker: Worker; workspace: Workspace | null };
};

/**
 * The worker app.html's early start started as the page began to load, if it is this version's
 * (the address it remembered is from the last start: after an update it is the old one's, ended)
 * and opened this workspace or none (it opens the one saved, as the page does, unless changed
 * between).
 */
function adoptEarlyWorker(workspace: Workspace): Worker | null {
	const page = globalThis as EarlyWindow;
	const found = page.dropshipDeskEarlyWorker;
	delete page.dropshipDeskEarlyWorker;
	if (!found) return null;
	if (found.url === workerUrl && (found.workspace ?? workspace) === workspace) return found.worker;
	found.worker.terminate();
	return null;
}

function rememberWorkerUrl(): void {
	try {
		if (localStorage.getItem(URL_KEY) !== workerUrl) localStorage.setItem(URL_KEY, workerUrl);
	} catch {
		// Storage refused: the next start is no earlier, nothing else.
	}
}

let early: { workspace: Workspace; started: StartedWorker } | null = null;

/**
 * Starts the worker as the app starts (hooks.client.ts), before SvelteKit loads the page, or
 * adopts the one app.html's early start started sooner: the worker's script loads, compiles and
 * opens the database while the page's own code does, instead of after it. The app frame takes it
 * (`takeWorker`).
 */
export function startWorkerEarly(workspace: Workspace): void {
	early ??= { workspace, started: startWorker(workspace) };
}

/** The worker started early on this database, or a new one. */
export function takeWorker(workspace: Workspace): StartedWorker {
	const found = early?.workspace === workspace ? early.started : null;
	if (early) {
		if (!found) early.started.worker.terminate();
		early = null;
	}
	return found ?? startWorker(workspace);
}
