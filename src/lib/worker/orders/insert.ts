import type { z } from 'zod';
import type { DropshipDb } from '$lib/db/schema';
import { fulfilmentState } from '$lib/domain/fulfilment';
import { orderTotalCents, type NewOrderInput, type Order, type OrderItem } from '$lib/domain/order';
import { orderIdFor } from '$lib/domain/order-id';
import { err, ok, type Result } from '$lib/domain/result';
import type { ApiDeps } from '../core/deps';

/**
 * Writes one order with its items. The storefront's order number is the key: an order already
 * stored is left as it is (`conflict`); a re-import brings it up to date through importOrder. The
 * check and the write are one transaction: two tabs importing the same file at once each see the
 * other's orders (found by the soak: the second tab's import threw a ConstraintError halfway).
 */
export function insertOrder(
	db: DropshipDb,
	deps: Pick<ApiDeps, 'newId' | 'now'>,
	input: z.output<typeof NewOrderInput>
): Promise<Result<Order>> {
	return db.transaction('rw', db.orders, db.orderItems, async () => {
		const existing = await db.orders.where('number').equals(input.number).first();
		if (existing)
			return err('conflict', `Order ${input.number} is already here.`, { field: 'number' });
		return ok(await writeNewOrder(db, deps, input));
	});
}

async function writeNewOrder(
	db: DropshipDb,
	deps: Pick<ApiDeps, 'newId' | 'now'>,
	input: z.output<typeof NewOrderInput>
): Promise<Order> {
	// The id comes from the order number, so the same web order imported on two synced devices is
	// one record; a hash collision with another number here falls back to a random id.
	const derived = orderIdFor(input.number);
	const id = (await db.orders.get(derived)) ? deps.newId() : derived;
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
		// A store order may arrive cancelled, or with nothing left for us to send (all fulfilled
		// there, or only a gift card): its state says so from the start.
		state: fulfilmentState(items, [], [], input.storeState?.isCancelled === true),
		source: input.source,
		note: input.note,
		...(input.storeState ? { storeState: input.storeState } : {})
	};
	await db.orders.add(order);
	await db.orderItems.bulkAdd(items);
	return order;
}
