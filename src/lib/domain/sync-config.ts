import { z } from 'zod';

/**
 * This device's sync settings (settings row `sync`, never replicated). The device letter goes into
 * every PO number this device makes, so two devices never make the same one.
 */
export const SyncConfig = z.object({
	isOn: z.boolean(),
	url: z.url({ protocol: /^https?$/, error: 'is not an http(s) address' }),
	dbName: z
		.string()
		.trim()
		.regex(/^[a-z][a-z0-9_$()+/-]*$/, 'must start with a small letter (CouchDB database names)'),
	username: z.string().trim().max(200).optional(),
	password: z.string().max(500).optional(),
	deviceLetter: z
		.string()
		.trim()
		.toUpperCase()
		.regex(/^[A-Z]$/, 'must be one letter')
});
export type SyncConfig = z.infer<typeof SyncConfig>;

/** What the Sync screen shows: "in sync 12:04", "3 changes waiting", "offline". */
export const SyncPhase = z.enum(['off', 'connecting', 'in_sync', 'waiting', 'offline', 'denied']);
export type SyncPhase = z.infer<typeof SyncPhase>;

export interface SyncStatus {
	phase: SyncPhase;
	/** Local changes not yet on the server. */
	pending: number;
	lastSyncedAt?: string;
	message?: string;
}

/**
 * The wait before the replicator tries the server again: 1 s, then doubling up to a minute, with
 * jitter (half to all of it) so devices that lost the server together do not return together.
 * `previousMs` is PouchDB's last delay (0 on the first failure).
 */
export function syncBackoffMs(previousMs: number, random: number): number {
	const base = previousMs <= 0 ? 1000 : Math.min(previousMs * 2, 60_000);
	return Math.round(base * (0.5 + random / 2));
}
