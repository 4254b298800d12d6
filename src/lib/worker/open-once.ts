import { err, fromZodError, ok, type Result } from '$lib/domain/result';
import type { Workspace } from '$lib/domain/workspace';
import { BootInput } from './boot';

export type OpenWorkspace = (input: unknown) => Promise<Result<{ workspace: Workspace }>>;

/**
 * A worker opens one database, once, whoever asks first: the early start's message (app.html) or
 * the page's `boot.open`. `start` builds the API on it and says how to load the catalog, for a
 * later asker that wants it loaded at once (`loadCatalog`) where the first did not.
 */
export function openOnce(start: (input: BootInput) => { warmCatalog: () => void }): OpenWorkspace {
	let opened: Workspace | null = null;
	let warmCatalog = () => undefined as void;
	return async (input) => {
		const parsed = BootInput.safeParse(input);
		if (!parsed.success) return fromZodError(parsed.error);
		const { workspace } = parsed.data;
		if (opened === null) {
			({ warmCatalog } = start(parsed.data));
			opened = workspace;
		} else if (opened !== workspace) {
			return err('conflict', 'This worker has opened the other database.');
		} else if (parsed.data.loadCatalog) {
			warmCatalog();
		}
		return ok({ workspace });
	};
}
