import { z } from 'zod';
import { DISTRIBUTORS, DistributorId } from '$lib/domain/distributor';
import { FeedSource, SOURCE_KINDS } from '$lib/domain/feed-source';
import { err, ok } from '$lib/domain/result';
import type { ApiDeps } from '../core/deps';
import { handler } from '../core/handler';
import { FeedImporter } from '../catalog/feed-import';
import { catalogKeeper } from '../catalog/sync';
import { fetchFeed } from './fetch-feed';
import { runFeedRound, FEEDS_LOCK } from './schedule';
import { publicSource, readSources, saveSource } from './sources';

/**
 * Feeds that arrive by themselves: each distributor's source (Catalog › the distributor ›
 * Source), the morning round the page rings on open and on the tracking interval, and a fetch on
 * the dealer's demand.
 */
export function feedsApi(deps: ApiDeps) {
	const importer = new FeedImporter(deps, catalogKeeper(deps.db));
	let current: { distributorId: DistributorId; runId: string } | null = null;
	const onRun = (distributorId: DistributorId, runId: string | null) => {
		current = runId ? { distributorId, runId } : null;
	};

	return {
		/** Every distributor's source, without secrets (`hasPassword` instead). Never fails. */
		sources: handler(z.object({}), async () => {
			const stored = await readSources(deps.db);
			const all: Partial<Record<DistributorId, ReturnType<typeof publicSource>>> = {};
			for (const [id, source] of Object.entries(stored))
				all[id as DistributorId] = publicSource(source);
			return ok(all);
		}),

		/**
		 * Saves a distributor's source; the password is sealed (empty keeps the saved one).
		 * `validation` for a kind this distributor does not offer; `locked` while secrets are locked.
		 */
		saveSource: handler(
			z.object({
				distributorId: DistributorId,
				source: FeedSource,
				password: z.string().max(500).optional()
			}),
			async ({ distributorId, source, password }) => {
				if (!SOURCE_KINDS[distributorId].includes(source.kind))
					return err(
						'validation',
						`${DISTRIBUTORS[distributorId].name} does not offer that source.`,
						{
							field: 'kind'
						}
					);
				const saved = await saveSource(deps, distributorId, source, password || undefined);
				return saved.ok ? ok(publicSource(saved.value)) : saved;
			}
		),

		/**
		 * Fetches every feed whose publish time has passed since its last fetch, one tab at a time.
		 * Never fails as a whole: each fetch's outcome (and a failure's reason) is in the result and
		 * the history; `skipped` when another tab is fetching.
		 */
		fetchDue: handler(z.object({}), async () => {
			const round = await runFeedRound(deps, importer, onRun);
			return ok(round ?? { skipped: true as const });
		}),

		/**
		 * Fetches one distributor's feed now, due or not. `not_found` when it has no automatic
		 * source; `conflict` while a round runs (in this tab or another). The fetch's own failure
		 * is in the entry, as in the round.
		 */
		fetchNow: handler(z.object({ distributorId: DistributorId }), async ({ distributorId }) => {
			const source = (await readSources(deps.db))[distributorId];
			if (!source || source.kind === 'upload')
				return err('not_found', 'This feed is uploaded by hand: choose a source first.');
			const entry = await deps.locks.runExclusive(FEEDS_LOCK, () =>
				fetchFeed(deps, importer, distributorId, source, (runId) => onRun(distributorId, runId))
			);
			return entry ? ok(entry) : err('conflict', 'The feeds are being fetched right now.');
		}),

		/** The fetch running in this tab: which distributor, rows, percent; null when none. */
		progress: handler(z.object({}), async () => {
			const run = current ? importer.runs.get(current.runId) : undefined;
			if (!current || !run) return ok(null);
			return ok({ distributorId: current.distributorId, ...importer.runs.status(run) });
		})
	};
}
