import type { DropshipDb } from '$lib/db/schema';
import type { OrderItem } from '$lib/domain/order';
import type { StoreOrder } from '$lib/storefronts/types';

/**
 * The store's line ids for an order that came in another way first (the store's CSV export,
 * typed by hand): a shipment is told to the store by those ids, so without them every push of
 * the order fails ("nothing left to fulfil") and, when the store tells the buyer, nobody does
 * (found by the soak). Each item without one takes the store line of the same SKU, the one at
 * its own position first. Call inside the sync's transaction, with orderItems in its scope.
 */
export async function adoptStoreLineIds(
	db: DropshipDb,
	orderId: string,
	incoming: StoreOrder
): Promise<void> {
	const items = await db.orderItems.where('orderId').equals(orderId).sortBy('lineNo');
	const taken = new Set(items.flatMap((i) => (i.storeLineId ? [i.storeLineId] : [])));
	const sameSku = (item: OrderItem, line: StoreOrder['items'][number]) =>
		line.sku.trim().toUpperCase() === item.sku.trim().toUpperCase() && !taken.has(line.storeLineId);
	for (const item of items) {
		if (item.storeLineId) continue;
		const own = incoming.items[item.lineNo - 1];
		const line = own && sameSku(item, own) ? own : incoming.items.find((l) => sameSku(item, l));
		if (!line) continue;
		taken.add(line.storeLineId);
		await db.orderItems.update(item.id, { storeLineId: line.storeLineId });
	}
}
