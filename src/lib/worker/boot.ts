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

/**
 * What the worker answers before it has a database: the page says which one to open, once. The
 * rest of the API (`WorkerApi`) exists only after that, so no call can reach a database the page
 * is not reading. To switch, the page reloads and starts a new worker.
 */
export interface WorkerBoot {
	boot: {
		/** Opens the workspace's database. `conflict` when this worker already opened one. */
		open(input: z.input<typeof BootInput>): Promise<Result<{ workspace: Workspace }>>;
	};
}
