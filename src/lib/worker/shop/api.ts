import { z } from 'zod';
import { readSettings, writeSettings } from '$lib/db/writes';
import { err, ok } from '$lib/domain/result';
import { DEFAULT_SETTINGS, type AppSettings } from '$lib/domain/settings';
import { checkShopProfile } from '$lib/domain/shop-profile';
import type { ApiDeps } from '../core/deps';
import { handler } from '../core/handler';
import { sealPlaintextSecrets } from '../secrets/credentials';

const notShop = () =>
	err('conflict', "This is the demo's data: your shop's profile is kept in your shop only.");

/**
 * The dealer's own shop: its first start (an empty database, never seeded) and its profile. The
 * profile is checked by `checkShopProfile`, which needs the enabled distributors and the PO
 * sequence, so the input schema only frames it: `{ profile }`.
 */
export function shopApi(deps: ApiDeps) {
	return {
		/**
		 * Opens the shop: on the first start writes its settings (live mode, a placeholder profile
		 * the setup asks the dealer to replace), nothing else. `conflict` in the demo's database.
		 */
		ensureStarted: handler(z.object({}), () =>
			deps.writes.run(async () => {
				if (deps.workspace !== 'shop') return notShop();
				const isFirstStart = (await deps.db.settings.get('app')) === undefined;
				const settings = await readSettings(deps.db);
				if (isFirstStart || settings.mode !== 'live')
					await writeSettings(deps.db, {
						...(isFirstStart ? DEFAULT_SETTINGS : settings),
						mode: 'live'
					});
				await sealPlaintextSecrets(deps);
				return ok({ mode: 'live' as const, isFirstStart });
			})
		),
		/**
		 * Saves Settings › Shop. `validation` with the first problem in words and its field (the
		 * page shows every field's problem from the same check before it sends).
		 */
		saveProfile: handler(z.object({ profile: z.unknown() }), (input) =>
			deps.writes.run(async () => {
				if (deps.workspace !== 'shop') return notShop();
				const settings = await readSettings(deps.db);
				const enabled = (await deps.db.distributors.toArray())
					.filter((a) => a.isEnabled)
					.map((a) => a.id);
				const checked = checkShopProfile(input.profile, {
					enabled,
					nextSequence: settings.poSequence + 1
				});
				if (!checked.ok) {
					const [field, message] = Object.entries(checked.problems)[0] ?? [
						'form',
						'Check the form.'
					];
					return err('validation', message, { field });
				}
				const { marginWarnPercent, trackingIntervalMinutes, defaultShippingMethod, ...dealer } =
					checked.value;
				const next: AppSettings = {
					...settings,
					dealer,
					marginWarnPercent,
					trackingIntervalMinutes,
					defaultShippingMethod,
					profileSavedAt: deps.now().toISOString()
				};
				await writeSettings(deps.db, next);
				return ok({ nextPoNumber: checked.nextPoNumber });
			})
		)
	};
}
