import { z } from 'zod';
import { ok } from '$lib/domain/result';
import { readSettings } from '$lib/db/writes';
import type { ApiDeps } from '../core/deps';
import { handler } from '../core/handler';
import { sendOutbox } from '../mail/outbox';
import { sendStorePushes } from '../storefront/push';
import { refreshTracking } from './refresh';
import { readSetting } from '$lib/db/setting-rows';

export function trackingApi(deps: ApiDeps) {
	return {
		/**
		 * Asks the distributors about every open PO, stores new shipments, queues one email per
		 * shipment and sends them if automatic sending is on. Never fails as a whole: a distributor
		 * that does not answer is named in the summary's problems.
		 */
		refresh: handler(
			z.object({ unlessCheckedWithinMs: z.number().int().positive().optional() }),
			async (input) => {
				// On opening the app: a reload right after a round (or a second tab) does not ask the
				// distributors again; their limits are per minute and the answer would be the same.
				// The demo asks anyway: its simulators have no limits and its clock runs fast.
				const { mode } = await readSettings(deps.db);
				if (input.unlessCheckedWithinMs && mode === 'live') {
					const last = await readSetting(deps.db, 'trackingStatus');
					const age = last?.checkedAt
						? deps.now().getTime() - Date.parse(last.checkedAt)
						: Infinity;
					if (age >= 0 && age < input.unlessCheckedWithinMs) return ok({ skipped: true as const });
				}
				const round = await deps.locks.runExclusive('tracking', async () => {
					const summary = await refreshTracking(deps);
					const mail = await sendOutbox(deps);
					// The store hears of each shipment in the same round (pushes queued by applyStatus).
					const store = await sendStorePushes(deps);
					return {
						...summary,
						emailsSent: mail.sent,
						emailsFailed: mail.failed,
						storeUpdates: store.sent
					};
				});
				// Another tab is refreshing right now; its results reach this tab through liveQuery.
				return ok(round ?? { skipped: true as const });
			}
		)
	};
}
