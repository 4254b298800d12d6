import { err, ok, type Result } from '$lib/domain/result';
import {
	STORE_SECRET_FIELDS,
	STOREFRONT_NAMES,
	StoreConnection,
	SyncState,
	type BuyerNotifier,
	type StoreCredentials,
	type StorefrontId
} from '$lib/domain/storefront';
import { createStorefront } from '$lib/storefronts/registry';
import type { StorefrontAdapter } from '$lib/storefronts/types';
import type { ApiDeps } from '../core/deps';
import { loadOrFail } from '../core/code-load';
import { secretHint, type Sealed } from '../secrets/sealing';

/** The settings rows: the connection (secrets sealed) and where the next sync starts. */
export const CONNECTION_ROW = 'storefront';
export const SYNC_ROW = 'storefrontSync';

const context = (id: StorefrontId, field: string) => `store:${id}:${field}`;

export async function readConnection(deps: Pick<ApiDeps, 'db'>): Promise<StoreConnection | null> {
	const parsed = StoreConnection.safeParse((await deps.db.settings.get(CONNECTION_ROW))?.value);
	return parsed.success ? parsed.data : null;
}

export async function readSyncState(deps: Pick<ApiDeps, 'db'>): Promise<SyncState | null> {
	const parsed = SyncState.safeParse((await deps.db.settings.get(SYNC_ROW))?.value);
	return parsed.success ? parsed.data : null;
}

/**
 * Seals the store's secret fields like the distributor keys (AES-GCM, the record as additional
 * data); a secret left as its shown hint keeps the one saved. `locked` while the passphrase lock
 * is set and not unlocked.
 */
export async function sealConnection(
	deps: Pick<ApiDeps, 'secrets' | 'now'>,
	input: { storefrontId: StorefrontId; credentials: StoreCredentials; notifier: BuyerNotifier },
	previous: StoreConnection | null
): Promise<Result<StoreConnection>> {
	const { storefrontId } = input;
	const credentials: StoreCredentials = { shop: input.credentials.shop.trim() };
	const sealed: Record<string, Sealed> = {};
	for (const field of STORE_SECRET_FIELDS[storefrontId]) {
		const value = input.credentials[field];
		if (!value) continue;
		const kept = previous?.storefrontId === storefrontId ? previous.sealed[field] : undefined;
		if (kept && value === previous?.credentials[field]) {
			sealed[field] = kept;
			credentials[field] = value;
			continue;
		}
		const result = await deps.secrets.seal(value, context(storefrontId, field));
		if (!result.ok) return result;
		sealed[field] = result.value;
		credentials[field] = secretHint(value);
	}
	return ok({
		storefrontId,
		credentials,
		sealed,
		notifier: input.notifier,
		connectedAt: deps.now().toISOString()
	});
}

/** The credentials with secrets opened: only ever handed to the store's adapter. */
async function openConnection(
	deps: Pick<ApiDeps, 'secrets'>,
	connection: StoreConnection
): Promise<Result<StoreCredentials>> {
	const credentials: StoreCredentials = { ...connection.credentials };
	for (const field of STORE_SECRET_FIELDS[connection.storefrontId]) {
		const sealed = connection.sealed[field];
		if (!sealed) continue;
		const opened = await deps.secrets.open(
			sealed,
			context(connection.storefrontId, field),
			`${STOREFRONT_NAMES[connection.storefrontId]} ${field}`
		);
		if (!opened.ok) return opened;
		credentials[field] = opened.value;
	}
	return ok(credentials);
}

/** The connected store's adapter. `not_enabled` when no store is connected; `locked`/`auth` as openConnection. */
export async function storefrontFor(
	deps: ApiDeps
): Promise<Result<{ adapter: StorefrontAdapter; connection: StoreConnection }>> {
	const connection = await readConnection(deps);
	if (!connection)
		return err('not_enabled', 'Connect your web store in Settings › Storefront first.');
	const credentials = await openConnection(deps, connection);
	if (!credentials.ok) return credentials;
	const adapter = await loadOrFail(STOREFRONT_NAMES[connection.storefrontId], () =>
		createStorefront(connection.storefrontId, {
			fetch: deps.fetch,
			credentials: credentials.value,
			...(deps.storeTiming ?? {})
		})
	);
	return adapter.ok ? ok({ adapter: adapter.value, connection }) : adapter;
}
