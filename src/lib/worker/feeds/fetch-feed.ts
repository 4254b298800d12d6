import { loadFeedOffers } from '$lib/db/writes';
import { readSetting, writeSetting } from '$lib/db/setting-rows';
import { WPS_BASE_URL } from '$lib/distributors/wps/constants';
import type { Offer } from '$lib/domain/catalog';
import { DISTRIBUTORS, type DistributorId } from '$lib/domain/distributor';
import {
	callsToday,
	feedChanges,
	FeedFetchState,
	HISTORY_KEPT,
	PU_PRICE_FILE_DAILY_LIMIT,
	sourceName,
	type FeedFetchEntry,
	type StoredFeedSource
} from '$lib/domain/feed-fetch';
import { sourceGap } from '$lib/domain/feed-source';
import { err, ok, type Result } from '$lib/domain/result';
import { parseFeed } from '$lib/feeds/presets';
import type { ColumnMapping, FeedFile, FeedLayoutId, FeedParse } from '$lib/feeds/types';
import { readWpsCatalog } from '$lib/feeds/wps-api';
import type { ApiDeps } from '../core/deps';
import type { FeedImporter } from '../catalog/feed-import';
import { openCredentials } from '../secrets/credentials';
import { fetchFtpFiles, fetchPuPriceFile, fetchUrlFile } from './download';
import { openSourcePassword } from './sources';

/**
 * One distributor's feed fetched from its source and imported, start to end: the bytes, their
 * hash (the same bytes as the last import: nothing is rewritten), the import through the same
 * FeedImporter as an upload (so a failure leaves the catalog as it was), and a history entry.
 * Never throws for an expected failure: the entry says what went wrong in the dealer's words.
 */
const LAYOUTS: Record<DistributorId, FeedLayoutId> = {
	wps: 'wps',
	pu: 'pu',
	tucker: 'tucker',
	automatic: 'generic'
};

type Input = { files: FeedFile[]; hash: string } | { parsed: FeedParse; hash: string };

async function sha256(parts: readonly Uint8Array[]): Promise<string> {
	let size = 0;
	for (const part of parts) size += part.byteLength;
	const all = new Uint8Array(size);
	let at = 0;
	for (const part of parts) {
		all.set(part, at);
		at += part.byteLength;
	}
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', all));
	return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function readFetchState(db: ApiDeps['db'], id: DistributorId) {
	return FeedFetchState.parse((await readSetting(db, 'feedFetches'))?.[id] ?? {});
}

/** Read-modify-write of one distributor's state, in the write queue. */
export async function updateFetchState(
	deps: Pick<ApiDeps, 'db' | 'writes'>,
	id: DistributorId,
	change: (state: FeedFetchState) => FeedFetchState
): Promise<FeedFetchState> {
	return deps.writes.run(async () => {
		const all = (await readSetting(deps.db, 'feedFetches')) ?? {};
		const next = change(FeedFetchState.parse(all[id] ?? {}));
		await writeSetting(deps.db, 'feedFetches', { ...all, [id]: next });
		return next;
	});
}

const withEntry = (state: FeedFetchState, entry: FeedFetchEntry): FeedFetchState => ({
	...state,
	history: [entry, ...state.history].slice(0, HISTORY_KEPT)
});

/** The bytes (or, for WPS's API, the parsed catalog) of the source, with their hash. */
async function download(
	deps: ApiDeps,
	id: DistributorId,
	source: StoredFeedSource,
	password: string | null
): Promise<Result<Input>> {
	const hashed = async (files: Result<FeedFile[]>): Promise<Result<Input>> =>
		files.ok
			? ok({ files: files.value, hash: await sha256(files.value.map((f) => f.bytes)) })
			: files;
	switch (source.kind) {
		case 'url':
			return hashed(await fetchUrlFile(deps.fetch, source.url ?? ''));
		case 'ftp':
			return hashed(await fetchFtpFiles(deps.fetch, id, source.ftp!, password ?? ''));
		case 'pu-pricefile':
			return hashed(await fetchPuPriceFile(deps.fetch, source.portal!, password ?? ''));
		case 'wps-api': {
			const account = await deps.db.distributors.get('wps');
			const credentials = account ? await openCredentials(deps, account) : null;
			if (credentials && !credentials.ok) return credentials;
			const token = credentials?.value.apiToken;
			if (!token) return err('not_enabled', 'the WPS API token is not in Settings.');
			const parsed = await readWpsCatalog(deps.fetch, WPS_BASE_URL, token, {});
			const offers = parsed.ok ? parsed.offers : [];
			const hash = await sha256([new TextEncoder().encode(JSON.stringify(offers))]);
			return ok({ parsed, hash });
		}
		case 'upload':
			return err('validation', 'this feed is uploaded by hand.');
	}
}

async function mappingOf(deps: ApiDeps, id: DistributorId): Promise<ColumnMapping | undefined> {
	const row = await deps.db.settings.get(`feedMapping:${id}`);
	return (row?.value as ColumnMapping | undefined) ?? undefined;
}

export async function fetchFeed(
	deps: ApiDeps,
	importer: FeedImporter,
	id: DistributorId,
	source: StoredFeedSource,
	onRun: (runId: string | null) => void = () => undefined
): Promise<FeedFetchEntry> {
	const name = sourceName(DISTRIBUTORS[id].name, source.kind);
	const started = performance.now();
	const at = deps.now().toISOString();
	const entry = (fields: Partial<FeedFetchEntry> & Pick<FeedFetchEntry, 'outcome'>) => ({
		at,
		source: name,
		rows: 0,
		skipped: 0,
		durationMs: Math.round(performance.now() - started),
		...fields
	});
	const failed = async (reason: string) => {
		const message = `${name}: ${reason}`;
		const result = entry({ outcome: 'failed', message });
		await updateFetchState(deps, id, (s) => ({
			...withEntry(s, result),
			lastAttemptAt: at,
			error: message
		}));
		return result;
	};
	const state = await readFetchState(deps.db, id);
	const password = await openSourcePassword(deps, id, source);
	if (!password.ok) return failed(password.error.message);
	const gap = sourceGap(source, password.value !== null);
	if (gap) return failed(`${gap}; set it in Catalog › ${DISTRIBUTORS[id].name} › Source.`);
	if (source.kind === 'pu-pricefile') {
		// The portal allows two a day: the third is refused here, without a call.
		if (callsToday(state.priceFileCalls, deps.now()).length >= PU_PRICE_FILE_DAILY_LIMIT)
			return failed(
				`already downloaded twice today, the most the portal allows; tomorrow's comes by itself.`
			);
		// Counted before the call: one that fails still counts at the portal.
		await updateFetchState(deps, id, (s) => ({
			...s,
			priceFileCalls: [...callsToday(s.priceFileCalls, deps.now()), at]
		}));
	}
	const input = await download(deps, id, source, password.value);
	if (!input.ok) return failed(input.error.message);
	const current = await deps.db.feedImports.where({ distributorId: id, state: 'complete' }).first();
	if (current && state.hash === input.value.hash) {
		const result = entry({
			outcome: 'unchanged',
			rows: current.rowCount,
			skipped: current.errorCount
		});
		await updateFetchState(deps, id, (s) => ({
			...withEntry(s, result),
			lastAttemptAt: at,
			lastSuccessAt: at,
			error: undefined
		}));
		return result;
	}
	const mapping = LAYOUTS[id] === 'generic' ? await mappingOf(deps, id) : undefined;
	if (LAYOUTS[id] === 'generic' && !mapping)
		return failed('import one file by hand first, so Dropship Desk knows which column is which.');
	const runId = deps.newId();
	const run = importer.begin({ runId, distributorId: id, layout: LAYOUTS[id], source: name });
	onRun(runId);
	try {
		const parsed =
			'parsed' in input.value
				? input.value.parsed
				: await parseFeed(
						{
							layout: LAYOUTS[id],
							distributorId: id,
							files: input.value.files,
							...(mapping ? { mapping } : {})
						},
						importer.hooks(run)
					);
		const before: Offer[] = current ? await loadFeedOffers(deps.db, current.id) : [];
		const stored = await importer.settle(run, { distributorId: id }, parsed);
		if (!stored.ok) return failed(stored.error.message);
		if (stored.value.state === 'needs_confirmation') {
			await importer.runs.finish(run, 'cancelled');
			const { rowCount, previousCount } = stored.value;
			return failed(
				`the new feed has ${rowCount.toLocaleString('en-US')} rows, under half of the ${previousCount.toLocaleString('en-US')} before; import it by hand if that is right. The catalog is unchanged.`
			);
		}
		if (stored.value.state === 'cancelled') return failed('cancelled.');
		const { feed } = stored.value;
		const offers = parsed.ok ? parsed.offers : [];
		const result = entry({
			outcome: 'imported',
			rows: feed.rowCount,
			skipped: feed.errorCount,
			...(current ? { changes: feedChanges(before, offers) } : {})
		});
		await updateFetchState(deps, id, (s) => ({
			...withEntry(s, result),
			lastAttemptAt: at,
			lastSuccessAt: at,
			hash: input.value.hash,
			error: undefined
		}));
		return result;
	} finally {
		onRun(null);
	}
}
