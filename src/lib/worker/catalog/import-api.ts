import { z } from 'zod';
import { DistributorId } from '$lib/domain/distributor';
import { err, ok } from '$lib/domain/result';
import type { FeedFile } from '$lib/feeds/types';
import type { ApiDeps } from '../core/deps';
import { handler } from '../core/handler';
import type { CatalogKeeper } from './sync';
import { FeedImporter } from './feed-import';
import { feedPreviewApi, Mapping } from './preview';
import { fetchFeedFile } from './feed-url';
import { openCredentials } from '../secrets/credentials';
import { readWpsCatalog } from '$lib/feeds/wps-api';
import { WPS_BASE_URL } from '$lib/distributors/wps/constants';

export const FileInput = z.object({
	name: z.string().min(1),
	data: z.union([z.instanceof(Blob), z.instanceof(Uint8Array)])
});

const Request = z.object({
	/** Chosen by the page, so it can ask for progress and cancel before the call returns. */
	runId: z.string().min(1),
	layout: z.enum(['pu', 'tucker', 'wps', 'generic']),
	distributorId: DistributorId,
	mapping: Mapping.optional()
});

export async function readFiles(files: z.output<typeof FileInput>[]): Promise<FeedFile[]> {
	return Promise.all(
		files.map(async (f) => ({
			name: f.name,
			bytes: f.data instanceof Uint8Array ? f.data : new Uint8Array(await f.data.arrayBuffer())
		}))
	);
}

export function catalogImportApi(deps: ApiDeps, keeper: CatalogKeeper) {
	const importer = new FeedImporter(deps, keeper);
	const { runs } = importer;

	return {
		/**
		 * Reads the dealer's feed files and replaces the distributor's catalog once they are read
		 * whole. `validation` when they are not a feed (nothing changes); the outcome
		 * `needs_confirmation` when it is under half the last feed (then `confirmImport`);
		 * `transient` when saving failed (the old catalog is kept).
		 */
		importFeed: handler(
			Request.extend({ files: z.array(FileInput).min(1).max(4) }),
			async (input) => {
				const request = { ...input, source: 'upload' };
				const run = importer.begin(request);
				return importer.run(run, request, await readFiles(input.files));
			}
		),

		/**
		 * The same from a URL, fetched through the proxy (live) or the demo transport. `validation`
		 * when the address is not one the proxy may reach, `transient` when the download fails.
		 */
		importFromUrl: handler(Request.extend({ url: z.url() }), async (input) => {
			const request = { ...input, source: input.url };
			const run = importer.begin(request);
			const file = await fetchFeedFile(deps.fetch, input.url);
			if (!file.ok) {
				await runs.finish(run, 'failed');
				return file;
			}
			return importer.run(run, request, [file.value]);
		}),

		/**
		 * WPS's whole catalog from its API (items with inventory, page by page). `not_enabled` when
		 * WPS has no API token; `validation` when WPS refuses or answers nonsense (nothing changes).
		 */
		importFromWpsApi: handler(z.object({ runId: z.string().min(1) }), async ({ runId }) => {
			const account = await deps.db.distributors.get('wps');
			const credentials = account ? await openCredentials(deps, account) : null;
			if (credentials && !credentials.ok) return credentials;
			const token = credentials?.value.apiToken;
			if (!token) return err('not_enabled', 'Add the WPS API token in Settings first.');
			const request = { runId, distributorId: 'wps' as const, source: 'WPS API' };
			const run = importer.begin({ ...request, layout: 'wps' });
			const parsed = await readWpsCatalog(deps.fetch, WPS_BASE_URL, token, importer.hooks(run));
			return importer.settle(run, request, parsed);
		}),

		/** Saves an import that waited for the dealer's yes. `not_found` when it is gone. */
		confirmImport: handler(z.object({ runId: z.string() }), async ({ runId }) => {
			const run = runs.get(runId);
			if (!run || run.stage !== 'needs_confirmation')
				return err('not_found', 'This import is no longer waiting; import the file again.');
			return importer.store(run);
		}),

		/** Stops a running import (or drops one waiting for a yes); the old catalog stays. Never fails. */
		cancelImport: handler(z.object({ runId: z.string() }), async ({ runId }) => {
			const run = runs.get(runId);
			if (run) {
				run.isCancelled = true;
				if (run.stage === 'needs_confirmation') await runs.finish(run, 'cancelled');
			}
			return ok();
		}),

		/** Rows read, percent and rows per second of an import. `not_found` for an unknown run. */
		importStatus: handler(z.object({ runId: z.string() }), async ({ runId }) => {
			const run = runs.get(runId);
			return run ? ok(runs.status(run)) : err('not_found', 'No such import.');
		}),
		...feedPreviewApi(deps)
	};
}
