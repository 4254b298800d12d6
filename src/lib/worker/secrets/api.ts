import { z } from 'zod';
import { ok } from '$lib/domain/result';
import { Passphrase } from '$lib/domain/sealed';
import type { ApiDeps } from '../core/deps';
import { handler } from '../core/handler';
import { reseal } from './lock';

/**
 * The optional passphrase lock on saved credentials (reliability.md CRED-1, CRED-2). The derived
 * key lives in this worker's memory only: each tab unlocks on its own, and a reload locks again.
 */
export function secretsApi(deps: ApiDeps) {
	return {
		/** Whether a lock is set and whether this worker holds its key. Never fails. */
		status: handler(z.object({}), async () => ok(await deps.secrets.status())),

		/** `auth` for a wrong passphrase. */
		unlock: handler(z.object({ passphrase: z.string() }), async (input) =>
			deps.secrets.unlock(input.passphrase)
		),

		/** Forgets the key now. Never fails. */
		lock: handler(z.object({}), async () => {
			deps.secrets.lock();
			return ok();
		}),

		/**
		 * Sets (or changes) the passphrase: every secret is re-sealed under a key derived from it with
		 * a fresh salt. `locked` while a current lock is not unlocked, `validation` for a short one.
		 */
		setPassphrase: handler(z.object({ passphrase: Passphrase }), (input) =>
			deps.writes.run(async () => {
				const from = await deps.secrets.currentKey();
				if (!from.ok) return from;
				const next = await deps.secrets.newLock(input.passphrase);
				const done = await reseal(deps, from.value, next.key, next.row);
				if (done.ok) deps.secrets.remember(next.row, next.key);
				return done;
			})
		),

		/** Removes the lock after checking the passphrase. `auth` for a wrong one. */
		removePassphrase: handler(z.object({ passphrase: z.string() }), (input) =>
			deps.writes.run(async () => {
				const lock = await deps.secrets.readLock();
				if (!lock) return ok();
				const checked = await deps.secrets.unlock(input.passphrase);
				if (!checked.ok) return checked;
				const from = await deps.secrets.currentKey();
				if (!from.ok) return from;
				const done = await reseal(deps, from.value, await deps.secrets.getDeviceKey(), null);
				if (done.ok) deps.secrets.remember(null, null);
				return done;
			})
		)
	};
}
