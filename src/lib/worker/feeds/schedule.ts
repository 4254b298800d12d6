import { DISTRIBUTOR_IDS, type DistributorId } from '$lib/domain/distributor';
import { isFeedDue, type FeedFetchEntry, type StoredFeedSource } from '$lib/domain/feed-fetch';
import { isAutomatic } from '$lib/domain/feed-source';
import type { ApiDeps } from '../core/deps';
import type { FeedImporter } from '../catalog/feed-import';
import { fetchFeed, readFetchState } from './fetch-feed';
import { readSources } from './sources';

/** The Web Lock the feed rounds run under: two tabs never fetch the same morning twice. */
export const FEEDS_LOCK = 'feeds';

/**
 * When the feed was last fetched: the schedule's own record, or the current catalog's import
 * (an upload, the demo seed), whichever is later.
 */
async function lastFetchedAt(deps: ApiDeps, id: DistributorId): Promise<string | undefined> {
	const state = await readFetchState(deps.db, id);
	const current = await deps.db.feedImports.where({ distributorId: id, state: 'complete' }).first();
	const imported = current?.finishedAt ?? current?.startedAt;
	const times = [state.lastSuccessAt, imported].filter((t): t is string => t !== undefined);
	return times.sort().at(-1);
}

/** The distributors whose automatic source has published since their last fetch. */
export async function dueFeeds(
	deps: ApiDeps
): Promise<{ id: DistributorId; source: StoredFeedSource }[]> {
	const sources = await readSources(deps.db);
	const due: { id: DistributorId; source: StoredFeedSource }[] = [];
	for (const id of DISTRIBUTOR_IDS) {
		const source = sources[id];
		if (!source || !isAutomatic(source)) continue;
		if (isFeedDue(source.publishTime, await lastFetchedAt(deps, id), deps.now()))
			due.push({ id, source });
	}
	return due;
}

export interface FeedRound {
	fetched: { distributorId: DistributorId; entry: FeedFetchEntry }[];
}

/**
 * One round: every due feed, one after another, under the lock. A failed fetch leaves its
 * catalog and last success as they were, so the next round (the tracking interval) tries again.
 * Null when another tab holds the lock.
 */
export function runFeedRound(
	deps: ApiDeps,
	importer: FeedImporter,
	onRun: (distributorId: DistributorId, runId: string | null) => void
): Promise<FeedRound | null> {
	return deps.locks.runExclusive(FEEDS_LOCK, async () => {
		const fetched: FeedRound['fetched'] = [];
		for (const { id, source } of await dueFeeds(deps)) {
			const entry = await fetchFeed(deps, importer, id, source, (runId) => onRun(id, runId));
			fetched.push({ distributorId: id, entry });
		}
		return { fetched };
	});
}
