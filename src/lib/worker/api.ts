import { z } from 'zod';
import { ok } from '$lib/domain/result';
import type { ApiDeps } from './deps';
import { handler } from './handler';
import { backupApi } from './api/backup';
import { catalogApi } from './api/catalog';
import { demoApi } from './api/demo';
import { distributorsApi } from './api/distributors';
import { mailApi } from './api/mail';
import { ordersApi } from './api/orders';
import { purchaseOrdersApi } from './api/purchase-orders';
import { recoveryApi } from './api/recovery';
import { rulesApi } from './api/rules';
import { secretsApi } from './api/secrets';
import { settingsApi } from './api/settings';
import { trackingApi } from './api/tracking';

/**
 * The whole backend, as one typed map of namespaces. The page imports `WorkerApi` as a type only
 * and calls it through Comlink; tests call `createApi(testDeps)` directly.
 */
export function createApi(deps: ApiDeps) {
	return {
		system: {
			/** Answers once the worker has opened the database; used to measure start-up. */
			ping: handler(z.object({}), async () => {
				await deps.db.open();
				return ok({ at: deps.now().toISOString() });
			}),
			/**
			 * The page's `online`/`offline` events, forwarded (see network.ts for why the page
			 * decides). Never fails.
			 */
			setOnline: handler(z.object({ isOnline: z.boolean() }), async (input) => {
				deps.network.setOnline(input.isOnline);
				return ok({ isOnline: input.isOnline });
			})
		},
		backup: backupApi(deps),
		catalog: catalogApi(deps),
		demo: demoApi(deps),
		distributors: distributorsApi(deps),
		orders: ordersApi(deps),
		purchaseOrders: purchaseOrdersApi(deps),
		recovery: recoveryApi(deps),
		rules: rulesApi(deps),
		secrets: secretsApi(deps),
		settings: settingsApi(deps),
		tracking: trackingApi(deps),
		mail: mailApi(deps)
	};
}

export type WorkerApi = ReturnType<typeof createApi>;
