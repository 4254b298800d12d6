import type { DistributorId } from '$lib/domain/distributor';
import { DISTRIBUTORS } from '$lib/domain/distributor';
import { StoredFeedSources, type StoredFeedSource } from '$lib/domain/feed-fetch';
import { needsPassword, type FeedSource } from '$lib/domain/feed-source';
import { ok, type Result } from '$lib/domain/result';
import { readSetting, writeSetting } from '$lib/db/setting-rows';
import type { ApiDeps } from '../core/deps';
import { secretHint } from '../secrets/sealing';

/** The sealed password's context: it opens only as this distributor's feed password. */
export const passwordContext = (distributorId: DistributorId) =>
	`feedSource:${distributorId}:password`;

export async function readSources(db: ApiDeps['db']) {
	return (await readSetting(db, 'feedSources')) ?? {};
}

/** What the pages see: the source without its sealed password, and whether one is saved. */
export function publicSource(stored: StoredFeedSource): FeedSource & { hasPassword: boolean } {
	const { sealedPassword, ...source } = stored;
	return { ...source, hasPassword: sealedPassword !== undefined };
}

/**
 * Saves a distributor's source; a new password is sealed, an empty one keeps the saved one (the
 * form never shows it). `locked` while the passphrase lock is set and not unlocked.
 */
export async function saveSource(
	deps: Pick<ApiDeps, 'db' | 'secrets' | 'writes'>,
	distributorId: DistributorId,
	source: FeedSource,
	password: string | undefined
): Promise<Result<StoredFeedSource>> {
	let sealedPassword = (await readSources(deps.db))[distributorId]?.sealedPassword;
	let passwordHint = source.passwordHint;
	if (!needsPassword(source.kind)) {
		sealedPassword = undefined;
		passwordHint = undefined;
	} else if (password) {
		const sealed = await deps.secrets.seal(password, passwordContext(distributorId));
		if (!sealed.ok) return sealed;
		sealedPassword = sealed.value;
		passwordHint = secretHint(password);
	}
	const stored: StoredFeedSource = {
		...source,
		...(passwordHint ? { passwordHint } : {}),
		...(sealedPassword ? { sealedPassword } : {})
	};
	if (!passwordHint) delete stored.passwordHint;
	await deps.writes.run(async () => {
		const all = await readSources(deps.db);
		await writeSetting(deps.db, 'feedSources', { ...all, [distributorId]: stored });
	});
	return ok(stored);
}

/** The source's password, opened; null when it has none. `auth`/`locked` as the secret box says. */
export async function openSourcePassword(
	deps: Pick<ApiDeps, 'secrets'>,
	distributorId: DistributorId,
	stored: StoredFeedSource,
	key?: CryptoKey
): Promise<Result<string | null>> {
	if (!stored.sealedPassword) return ok(null);
	return deps.secrets.open(
		stored.sealedPassword,
		passwordContext(distributorId),
		`${DISTRIBUTORS[distributorId].name} feed password`,
		key
	);
}

/** Every source password opened with `from` and sealed with `to` (a passphrase change). */
export async function resealSources(
	deps: Pick<ApiDeps, 'db' | 'secrets'>,
	from: CryptoKey,
	to: CryptoKey
): Promise<Result<ReturnType<typeof StoredFeedSources.parse> | null>> {
	const sources = await readSetting(deps.db, 'feedSources');
	if (!sources) return ok(null);
	const next = { ...sources };
	for (const [id, stored] of Object.entries(sources) as [DistributorId, StoredFeedSource][]) {
		const password = await openSourcePassword(deps, id, stored, from);
		if (!password.ok) return password;
		if (password.value === null) continue;
		const sealed = await deps.secrets.seal(password.value, passwordContext(id), to);
		if (!sealed.ok) return sealed;
		next[id] = { ...stored, sealedPassword: sealed.value };
	}
	return ok(next);
}
