import { z } from 'zod';
import { normaliseBrand } from '$lib/domain/catalog';
import { err, ok } from '$lib/domain/result';
import type { ApiDeps } from '../core/deps';
import { handler } from '../core/handler';
import { catalogKeeper } from './sync';
import { catalogImportApi } from './import-api';
import { optionsForItems } from '../orders/item-options';

export function catalogApi(deps: ApiDeps) {
	// Loaded on first use or when the page asks (`warm`), never at worker start: the database
	// opens and the first page's reads are answered before 600k offers are read and indexed.
	const keeper = catalogKeeper(deps.db);
	return {
		/**
		 * Starts loading the catalog index in the background (the page calls it once it has
		 * shown its first screen) and returns at once. Never fails.
		 */
		warm: handler(z.object({}), async () => {
			keeper.warm();
			return ok();
		}),

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
			const [answer] = await optionsForItems(deps, await keeper.ready(), [item]);
			return answer ? ok(answer) : err('not_found', 'This order item no longer exists.');
		}),

		/** The same for many items at once, rules read once; unknown ids are left out. Never fails. */
		optionsForItems: handler(
			z.object({ orderItemIds: z.array(z.string().min(1)).max(5000) }),
			async (input) => {
				const items = await deps.db.orderItems.bulkGet(input.orderItemIds);
				const found = items.filter((i): i is NonNullable<typeof i> => i !== undefined);
				return ok(await optionsForItems(deps, await keeper.ready(), found));
			}
		),

		/**
		 * Which of these order items can be drop-shipped now (an eligible offer), as ids: all the
		 * dashboard's count and the Orders filter need, in one call with the rules read once.
		 * Unknown ids are left out. Never fails.
		 */
		qualifyingItems: handler(
			z.object({ orderItemIds: z.array(z.string().min(1)).max(5000) }),
			async (input) => {
				const items = await deps.db.orderItems.bulkGet(input.orderItemIds);
				const found = items.filter((i): i is NonNullable<typeof i> => i !== undefined);
				const answers = await optionsForItems(deps, await keeper.ready(), found);
				return ok(
					answers.filter((a) => a.options.some((o) => o.isEligible)).map((a) => a.orderItemId)
				);
			}
		),

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
