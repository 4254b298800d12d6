import { z } from 'zod';
import { ok } from '$lib/domain/result';
import type { ApiDeps } from '../deps';
import { handler } from '../handler';
import { sendOutbox } from '../mail-outbox';
import { refreshTracking } from '../tracking';

export function trackingApi(deps: ApiDeps) {
	return {
		/**
		 * Asks the distributors about every open PO, stores new shipments, queues one email per
		 * shipment and sends them if automatic sending is on. Never fails as a whole: a distributor
		 * that does not answer is named in the summary's problems.
		 */
		refresh: handler(z.object({}), async () => {
			const round = await deps.locks.runExclusive('tracking', async () => {
				const summary = await refreshTracking(deps);
				const mail = await sendOutbox(deps);
				return { ...summary, emailsSent: mail.sent, emailsFailed: mail.failed };
			});
			// Another tab is refreshing right now; its results reach this tab through liveQuery.
			return ok(round ?? { skipped: true as const });
		})
	};
}
