import { z } from 'zod';
import { NewOrderInput, orderTotalCents, type Order, type OrderItem } from '$lib/domain/order';
import { err, ok, type Result } from '$lib/domain/result';
import type { DropshipDb } from '$lib/db/schema';
import { parseOrderCsv } from '$lib/imports/order-csv';
import { parseOrderJson } from '$lib/imports/order-json';

import type { ApiDeps } from '../core/deps';
import { handler } from '../core/handler';

/**
 * Writes one order with its items. The storefront's order number is the key: an order already
 * stored is left as it is (`conflict`), which makes re-imports idempotent.
 */
export async function insertOrder(
	db: DropshipDb,
	deps: Pick<ApiDeps, 'newId' | 'now'>,
	input: z.output<typeof NewOrderInput>
): Promise<Result<Order>> {
	const existing = await db.orders.where('number').equals(input.number).first();
	if (existing)
		return err('conflict', `Order ${input.number} is already here.`, { field: 'number' });
	const id = deps.newId();
	const items: OrderItem[] = input.items.map((item, index) => ({
		...item,
		id: `${id}-${index + 1}`,
		orderId: id,
		lineNo: index + 1
	}));
	const order: Order = {
		id,
		number: input.number,
		createdAt: input.createdAt ?? deps.now().toISOString(),
		buyer: input.buyer,
		shipTo: input.shipTo,
		totalCents: orderTotalCents(items),
		state: 'new',
		source: input.source,
		note: input.note
	};
	await db.transaction('rw', db.orders, db.orderItems, async () => {
		await db.orders.add(order);
		await db.orderItems.bulkAdd(items);
	});
	return ok(order);
}

export function ordersApi(deps: ApiDeps) {
	return {
		/**
		 * Imports a storefront CSV export or a JSON file of orders. Orders already here (same
		 * number) are skipped, so importing a file twice changes nothing. `validation` with one
		 * message when the file is not an order file at all; bad orders are listed in `problems`.
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
					let imported = 0;
					let duplicates = 0;
					for (const order of parsed.orders) {
						const result = await insertOrder(deps.db, deps, NewOrderInput.parse(order));
						if (result.ok) imported += 1;
						else if (result.error.code === 'conflict') duplicates += 1;
					}
					return ok({ imported, duplicates, problems: parsed.problems });
				})
		),

		/** `validation` naming the bad field; `conflict` when the order number is already used. */
		create: handler(NewOrderInput, (input) =>
			deps.writes.run(() => insertOrder(deps.db, deps, input))
		)
	};
}
