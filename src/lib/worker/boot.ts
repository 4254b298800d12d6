import { z } from 'zod';
import type { Result } from '$lib/domain/result';
import { Workspace } from '$lib/domain/workspace';

export const BootInput = z.object({
	workspace: Workspace,
	/**
	 * Load the catalog index as soon as the database is open (a warm start: the database holds the
	 * catalog, and the first screen comes from the page's own reads). Otherwise the page asks
	 * (`catalog.warm`) once the workspace has started.
	 */
	loadCatalog: z.boolean().default(false)
});
export type BootInput = z.output<typeof BootInput>;

/**
 * The message app.html's early start posts to the worker as the page begins to load, before the
 * page's own code (and Comlink) has arrived, with the workspace and the catalog flag it read
 * where the page reads them (localStorage, `$lib/state/workspace`): the worker opens the database
 * and starts the catalog's reads as soon as its code has run, not when the page's code asks
 * (measured on 600k offers: the catalog's load began 245–354 ms after navigation instead of
 * 307–477). The page's `boot.open` that follows, for the same workspace, finds it open.
 */
export const EARLY_OPEN = 'dropship-desk:early-open';

export const EarlyOpenMessage = z.object({ type: z.literal(EARLY_OPEN), input: z.unknown() });

/**
 * What the worker answers before it has a database: the page says which one to open, once. The
 * rest of the API (`WorkerApi`) exists only after that, so no call can reach a database the page
 * is not reading. To switch, the page reloads and starts a new worker.
 */
export interface WorkerBoot {
	boot: {
		/**
		 * Opens the workspace's database (again: answered at once, as when the early start opened
		 * it). `conflict` when this worker opened another one.
		 */
		open(input: z.input<typeof BootInput>): Promise<Result<{ workspace: Workspace }>>;
	};
}
