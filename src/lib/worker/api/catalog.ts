import { z } from 'zod';
import { readSettings } from '$lib/db/writes';
import { normaliseBrand } from '$lib/domain/catalog';
import { evaluateOffers, toDropshipOption } from '$lib/domain/eligibility';
import { canonicalBrand, canonicalProductKey, findOffersForItem } from '$lib/domain/matching';
import { err, ok } from '$lib/domain/result';
import { withDefaultWarehouses } from '$lib/domain/rules';
import type { ApiDeps } from '../deps';
import { handler } from '../handler';
import { catalogKeeper } from '../catalog-sync';
import { catalogImportApi } from './catalog-import';

const CLOSED_PO_STATES = new Set(['failed', 'cancelled']);

export function catalogApi(deps: ApiDeps) {
	const keeper = catalogKeeper(deps.db);
	// In the real worker the catalog starts loading with the worker, behind the first calls, so
	// the first search finds it ready; tests (no worker scope) load it on first use.
	if ('WorkerGlobalScope' in globalThis) setTimeout(() => void keeper.ready(), 0);
	return {
		/** Products matching the query, each with its offers side by side. Never fails. */
		search: handler(
			z.object({
				query: z.string().max(200),
				limit: z.number().int().min(1).max(100).default(25)
			}),
			async ({ query, limit }) => ok((await keeper.ready()).search(query, limit))
		),

		/** Offers in memory and how long the first load took (read, index). Never fails. */
		indexStats: handler(z.object({}), async () => {
			await keeper.ready();
			return ok({ ...keeper.stats });
		}),

		/**
		 * An order item's offers in the catalog, each judged by the inventory rules and the
		 * eligible ones ranked. `not_found` when the item does not exist.
		 */
		optionsForItem: handler(z.object({ orderItemId: z.string().min(1) }), async (input) => {
			const item = await deps.db.orderItems.get(input.orderItemId);
			if (!item) return err('not_found', 'This order item no longer exists.');
			const index = await keeper.ready();
			const { offers, matchedBy } = findOffersForItem(item, index);
			const [stored, overrides, accounts, settings, lines] = await Promise.all([
				deps.db.warehouses.toArray(),
				deps.db.ruleOverrides.toArray(),
				deps.db.distributors.toArray(),
				readSettings(deps.db),
				deps.db.poLines.where('orderItemId').equals(item.id).toArray()
			]);
			const pos = await deps.db.purchaseOrders.bulkGet(lines.map((l) => l.poId));
			const openPo = pos.find((po) => po && !CLOSED_PO_STATES.has(po.state));
			const first = offers[0];
			const brand = item.brand ?? first?.brand;
			const verdicts = evaluateOffers(
				offers,
				{
					quantity: item.quantity,
					unitPriceCents: item.unitPriceCents,
					poNumber: openPo?.poNumber
				},
				{
					warehouses: withDefaultWarehouses(stored),
					overrides,
					accounts,
					preference: settings.preference,
					brand: brand ? canonicalBrand(brand, index.aliases) : undefined,
					productKey: first ? canonicalProductKey(first, index.aliases) : undefined
				}
			);
			return ok({ matchedBy, verdicts, options: verdicts.map(toDropshipOption) });
		}),

		/** Maps a spelling ("Fly") to the brand it means ("Fly Racing"). `validation` when blank. */
		setBrandAlias: handler(
			z.object({ alias: z.string().trim().min(1), brand: z.string().trim().min(1) }),
			(input) =>
				deps.writes.run(async () => {
					const alias = normaliseBrand(input.alias);
					const brand = normaliseBrand(input.brand);
					if (alias === brand) return err('validation', 'An alias must differ from its brand.');
					await deps.db.brandAliases.put({ alias, brand });
					return ok({ alias, brand });
				})
		),
		/** Never fails: removing an alias that is not there does nothing. */
		removeBrandAlias: handler(z.object({ alias: z.string().min(1) }), (input) =>
			deps.writes.run(async () => {
				await deps.db.brandAliases.delete(normaliseBrand(input.alias));
				return ok();
			})
		),
		...catalogImportApi(deps, keeper)
	};
}
