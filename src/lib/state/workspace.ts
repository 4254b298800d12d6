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
	const saved = Workspace.safeParse(localStorage.getItem(KEY));
	if (saved.success) return saved.data;
	return (await Dexie.exists(DATABASE_NAMES.demo)) ? 'demo' : null;
}

export function rememberWorkspace(workspace: Workspace): void {
	localStorage.setItem(KEY, workspace);
}

/** Opens the other database: a fresh page on `path` (the dashboard unless said). */
export function switchWorkspace(workspace: Workspace, path = '/'): void {
	rememberWorkspace(workspace);
	location.assign(path);
}
