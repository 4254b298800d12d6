import { err, ok, type Result } from '$lib/domain/result';
import { parseBody } from '../http';
import type { OrderStatusResult } from '../types';
import { PuOrderList, type PuOrder } from './api-schemas';
import { isSuccess, type PuClient } from './client';
import { PU_UNCONFIRMED } from './constants';
import { PU_NAME, puHttpFailure } from './errors';
import { listDate, orderStatus, toShipments } from './mapping';

const DAY = 86_400_000;

/**
 * PU has no lookup by PO on the API-key API: read the drop-ship order list by order date [CODE
 * S16] and match the PO (or a reference we stored). The list shape is invented (§8.2).
 */
export async function findPuOrders(
	client: PuClient,
	poNumber: string,
	now: Date,
	refs: readonly string[] = []
): Promise<Result<PuOrder[]>> {
	const start = listDate(new Date(now.getTime() - PU_UNCONFIRMED.orderLookbackDays * DAY));
	const end = listDate(new Date(now.getTime() + DAY));
	const found: PuOrder[] = [];
	for (let page = 1; page <= PU_UNCONFIRMED.maxListPages; page++) {
		const query = `order_date_start=${start}&order_date_end=${end}&page_num=${page}`;
		const sent = await client.call('findOrder', 'GET', `/v2/orders/dropship?${query}`, {
			poNumber
		});
		if (!sent.ok) return sent;
		if (!isSuccess(sent.value)) return puHttpFailure(sent.value, client.dealer);
		const list = parseBody(PuOrderList, sent.value, PU_NAME);
		if (!list.ok) return list;
		found.push(
			...list.value.orders.filter((o) => o.poNumber === poNumber || refs.includes(o.mfOrderNumber))
		);
		if (page >= list.value.total_pages) return ok(found);
	}
	// More pages than we read: the PO may be further on, so "absent" cannot be claimed.
	return found.length > 0
		? ok(found)
		: err('transient', `${PU_NAME} lists more orders than this app reads; try again later.`);
}

export async function puOrderStatus(
	client: PuClient,
	poNumber: string,
	now: Date,
	refs?: readonly string[]
): Promise<Result<OrderStatusResult>> {
	const found = await findPuOrders(client, poNumber, now, refs);
	if (!found.ok) return found;
	if (found.value.length === 0) {
		return err('not_found', `${PU_NAME} has no order for PO ${poNumber}.`);
	}
	return ok({
		poNumber,
		status: orderStatus(found.value),
		distributorRefs: found.value.map((o) => o.mfOrderNumber),
		shipments: toShipments(found.value)
	});
}
