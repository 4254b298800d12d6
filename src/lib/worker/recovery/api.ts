import { z } from 'zod';
import { ok } from '$lib/domain/result';
import { checkForDataLoss } from './data-loss';
import type { ApiDeps } from '../core/deps';
import { handler } from '../core/handler';

export function recoveryApi(deps: ApiDeps) {
	return {
		/**
		 * Compares the distributors' recent orders with our POs (see data-loss.ts). `onlyIfEmpty`
		 * is the start-up form: no calls unless this browser has no PO at all. Never fails: a
		 * distributor that cannot be asked is named in the report.
		 */
		checkForDataLoss: handler(
			z.object({ onlyIfEmpty: z.boolean().default(false) }),
			async (input) => ok(await checkForDataLoss(deps, input))
		)
	};
}
