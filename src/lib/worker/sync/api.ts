import { z } from 'zod';
import { err, ok } from '$lib/domain/result';
import { SyncConfig } from '$lib/domain/sync-config';
import type { ApiDeps } from '../core/deps';
import { handler } from '../core/handler';
import { SYNC_KEY, authOf, databaseUrl, readSyncConfig } from './config';
import { receiveCredentials, shareCredentials } from './credentials';
import { ShopSync } from './shop-sync';

const Passphrase = z.object({ passphrase: z.string().min(10, 'needs at least 10 characters') });

const ConnectionInput = SyncConfig.pick({
	url: true,
	dbName: true,
	username: true,
	password: true
});

export function syncApi(deps: ApiDeps) {
	const shop = new ShopSync(deps);
	// Set by `resume` (the worker's start-up); every other method waits for it to finish.
	let resumed: Promise<unknown> = Promise.resolve();
	let switching: Promise<unknown> = Promise.resolve();
	return {
		/**
		 * Called once when the worker starts: a device whose sync is on goes live again, resuming
		 * from its checkpoints. Off by default. Never fails (a server away shows in the status).
		 */
		resume: handler(z.object({}), async () => {
			resumed = readSyncConfig(deps.db)
				.then((config) => (config?.isOn ? shop.start(config) : undefined))
				.catch(() => undefined);
			await resumed;
			return ok(shop.getStatus());
		}),

		/** This device's sync settings, without the password; null when never set. Never fails. */
		getConfig: handler(z.object({}), async () => {
			const config = await readSyncConfig(deps.db);
			if (!config) return ok(null);
			const { password, ...rest } = config;
			return ok({ ...rest, hasPassword: Boolean(password) });
		}),

		/**
		 * Saves this device's sync settings and turns sync on or off. A blank password keeps the
		 * saved one. `validation` naming the field when one is wrong.
		 */
		configure: handler(SyncConfig, async (input) => {
			await resumed;
			const config = await deps.writes.run(async () => {
				const saved = await readSyncConfig(deps.db);
				const next = { ...input, password: input.password || saved?.password };
				await deps.db.settings.put({ key: SYNC_KEY, value: next });
				return next;
			});
			// Outside the write queue: starting and stopping wait for inbound batches, which take
			// their turn in it. One switch at a time, in the order asked.
			const next = switching.then(() => (config.isOn ? shop.start(config) : shop.stop()));
			switching = next.catch(() => undefined);
			await next;
			return ok(shop.getStatus());
		}),

		/** "in sync", "n changes waiting", "offline". Never fails. */
		status: handler(z.object({}), async () => {
			await resumed;
			return ok(shop.getStatus());
		}),

		/** Takes what waits here into the replica and what arrived into the shop now; the status. */
		flush: handler(z.object({}), async () => {
			await resumed;
			await shop.whenSettled();
			return ok(shop.getStatus());
		}),

		/**
		 * Asks the server for the shop database with these settings. `auth` when the user name or
		 * password is refused, `not_found` when the database does not exist, `offline` otherwise.
		 */
		testConnection: handler(ConnectionInput, async (input) => {
			const saved = await readSyncConfig(deps.db);
			const remote = await deps.sync.openRemote(
				databaseUrl(input),
				authOf({ ...input, password: input.password || saved?.password })
			);
			try {
				const info = await remote.info();
				return ok({ documents: info.doc_count });
			} catch (cause) {
				const status = (cause as { status?: number }).status;
				if (status === 401 || status === 403)
					return err('auth', 'The sync server refused this user name or password.');
				if (status === 404)
					return err(
						'not_found',
						`The sync server has no database "${input.dbName}". Create it there first (see the README).`
					);
				return err('offline', 'The sync server cannot be reached at this address.');
			} finally {
				await remote.close().catch(() => undefined);
			}
		}),

		/**
		 * Puts this device's credentials into sync, sealed under the shop passphrase (never in the
		 * clear). `validation` for a short passphrase, `locked` while the local lock is set.
		 */
		shareCredentials: handler(Passphrase, (input) => shareCredentials(deps, input.passphrase)),

		/** Opens credentials another device shared. `auth` for a wrong passphrase, `not_found`. */
		receiveCredentials: handler(Passphrase, (input) => receiveCredentials(deps, input.passphrase)),

		/** Stops replication (for a worker shutting down; tests). Never fails. */
		stop: handler(z.object({}), async () => {
			await resumed;
			await shop.stop();
			return ok(shop.getStatus());
		})
	};
}
