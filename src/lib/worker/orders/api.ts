import { z } from 'zod';
import { readSettings } from '$lib/db/writes';
import {
	categoriseOrder,
	importSummary,
	type ImportChange,
	type ImportEntry
} from '$lib/domain/import-report';
import { NewOrderInput } from '$lib/domain/order';
import { err, ok } from '$lib/domain/result';
import { parseOrderCsv } from '$lib/imports/order-csv';
import { parseOrderJson } from '$lib/imports/order-json';
import type { ApiDeps } from '../core/deps';
import { handler } from '../core/handler';
import { insertOrder } from './insert';
import { importOrder } from './store-import';

export function ordersApi(deps: ApiDeps) {
	return {
		/**
		 * Imports a storefront CSV export or a JSON file of orders. An order already here (same
		 * number) is never added again: it takes what the store says now (cancelled, paid,
		 * fulfilled), and a cancellation stops its waiting POs and asks the dealer about placed
		 * ones. Each order read comes back with its line and what it means (`entries`, `summary`).
		 * `validation` with one message when the file is not an order file at all; bad orders are
		 * listed in `problems`.
		 */
		importFile: handler(
			z.object({
				fileName: z.string(),
				text: z.string().max(50_000_000, 'The file is too large.')
			}),
			(input) =>
				deps.writes.run(async () => {
					const isJson = /\.json$/i.test(input.fileName) || input.text.trimStart().startsWith('[');
					const parsed = isJson ? parseOrderJson(input.text) : parseOrderCsv(input.text);
					if ('error' in parsed) return err('validation', parsed.error);
					const settings = await readSettings(deps.db);
					const policy = { isAuthorizedShippable: settings.isAuthorizedShippable };
					const entries: ImportEntry[] = [];
					for (const [index, input] of parsed.orders.entries()) {
						const { change, order, items } = await importOrder(deps, NewOrderInput.parse(input));
						entries.push({
							line: parsed.lines[index] ?? index + 1,
							orderNumber: order.number,
							change,
							...categoriseOrder(order.storeState, items, policy, order.shipTo.country)
						});
					}
					const count = (change: ImportChange) => entries.filter((e) => e.change === change).length;
					return ok({
						imported: count('new'),
						updated: count('updated'),
						duplicates: count('unchanged'),
						entries,
						summary: importSummary(entries, parsed.problems.length),
						problems: parsed.problems
					});
				})
		),

		/** `validation` naming the bad field; `conflict` when the order number is already used. */
		create: handler(NewOrderInput, (input) =>
			deps.writes.run(() => insertOrder(deps.db, deps, input))
		)
	};
}
