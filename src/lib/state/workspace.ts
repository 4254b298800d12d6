import Dexie from 'dexie';
import { DATABASE_NAMES, Workspace } from '$lib/domain/workspace';

/**
 * Which database this browser opens, remembered in localStorage: the page needs it before it
 * opens anything, and the worker is told by the page (boot.open). Switching reloads the page, so
 * the page's reads, the worker and its background work all start again on the other database.
 */
const KEY = 'dropship-desk:workspace';

/** The remembered choice; an install from before the choice existed opens its data as the demo. */
export async function rememberedWorkspace(): Promise<Workspace | null> {
	return savedWorkspace() ?? ((await Dexie.exists(DATABASE_NAMES.demo)) ? 'demo' : null);
}

/** The choice as saved in this browser, read at once (null when none was saved). */
export function savedWorkspace(): Workspace | null {
	const saved = Workspace.safeParse(localStorage.getItem(KEY));
	return saved.success ? saved.data : null;
}

export function rememberWorkspace(workspace: Workspace): void {
	localStorage.setItem(KEY, workspace);
}

const startedKey = (workspace: Workspace) => `dropship-desk:started:${workspace}`;

/**
 * Whether this browser has started this workspace before: then its database holds what the first
 * page shows, and the page renders from its own reads while the worker loads (a first start waits
 * for the worker to set the workspace up).
 */
export function hasStartedBefore(workspace: Workspace): boolean {
	return localStorage.getItem(startedKey(workspace)) === 'yes';
}

export function rememberStarted(workspace: Workspace): void {
	localStorage.setItem(startedKey(workspace), 'yes');
}

/** Opens the other database: a fresh page on `path` (the dashboard unless said). */
export function switchWorkspace(workspace: Workspace, path = '/'): void {
	rememberWorkspace(workspace);
	location.assign(path);
}
