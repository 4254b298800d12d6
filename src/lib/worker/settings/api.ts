import { z } from 'zod';
import { readSettings, writeSettings } from '$lib/db/writes';
import { ok } from '$lib/domain/result';
import { AppSettings, SettingsPatch } from '$lib/domain/settings';
import type { ApiDeps } from '../core/deps';
import { handler } from '../core/handler';

export function settingsApi(deps: ApiDeps) {
	return {
		/** Never fails: missing settings read as the defaults. */
		get: handler(z.object({}), async () => ok(await readSettings(deps.db))),
		/** `validation` naming the field when a value is out of range. */
		update: handler(SettingsPatch, (patch) =>
			deps.writes.run(async () => {
				const current = await readSettings(deps.db);
				const next = AppSettings.parse({
					...current,
					...patch,
					dealer: { ...current.dealer, ...patch.dealer }
				});
				await writeSettings(deps.db, next);
				return ok(next);
			})
		)
	};
}
