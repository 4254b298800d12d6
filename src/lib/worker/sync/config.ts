import type { DropshipDb } from '$lib/db/schema';
import { SyncConfig } from '$lib/domain/sync-config';

/** Device-local settings row with this device's sync settings. */
export const SYNC_KEY = 'sync';

export async function readSyncConfig(db: DropshipDb): Promise<SyncConfig | null> {
	const parsed = SyncConfig.safeParse((await db.settings.get(SYNC_KEY))?.value);
	return parsed.success ? parsed.data : null;
}

/** The shop database's URL on the server: the server's address and the database name. */
export function databaseUrl(config: Pick<SyncConfig, 'url' | 'dbName'>): string {
	const base = config.url.endsWith('/') ? config.url : `${config.url}/`;
	return new URL(encodeURIComponent(config.dbName), base).href;
}

export function authOf(
	config: Pick<SyncConfig, 'username' | 'password'>
): { username: string; password: string } | undefined {
	return config.username
		? { username: config.username, password: config.password ?? '' }
		: undefined;
}
