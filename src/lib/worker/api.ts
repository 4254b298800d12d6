import { z } from 'zod';
import { ok } from '$lib/domain/result';
import type { ApiDeps } from './core/deps';
import { handler } from './core/handler';
import { backupApi } from './backup/api';
import { catalogApi } from './catalog/api';
import { demoApi } from './demo/api';
import { distributorsApi } from './distributors/api';
import { mailApi } from './mail/api';
import { ordersApi } from './orders/api';
import { purchaseOrdersApi } from './purchase-orders/api';
import { recoveryApi } from './recovery/api';
import { rulesApi } from './rules/api';
import { secretsApi } from './secrets/api';
import { settingsApi } from './settings/api';
import { shopApi } from './shop/api';
import { storefrontApi } from './storefront/api';
import { syncApi } from './sync/api';
import { trackingApi } from './tracking/api';

/**
 * The whole backend, as one typed map of namespaces. The page imports `WorkerApi` as a type only
 * and calls it through Comlink; tests call `createApi(testDeps)` directly.
 */
export function createApi(deps: ApiDeps) {
	return {
		system: {
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
		shop: shopApi(deps),
		storefront: storefrontApi(deps),
		sync: syncApi(deps),
		tracking: trackingApi(deps),
		mail: mailApi(deps)
	};
}

export type WorkerApi = ReturnType<typeof createApi>;
