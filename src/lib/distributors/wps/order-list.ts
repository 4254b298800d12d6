import { err, ok, type Result } from '$lib/domain/result';
import { parseBody } from '../http';
import { matchListed, statusWindow } from '../status-batch';
import type { OrderStatusBatch, OrderStatusResult, StatusQuery } from '../types';
import { WpsPurchaseOrderList, type WpsOrderDetail } from './api-schemas';
import { isSuccess, type WpsClient } from './client';
import { WPS_NAME, wpsFailure } from './errors';
import { toStatusResult } from './mapping';

/** YYYYMMDD, the documented form of from_date and to_date [DOC S2]. */
export function wpsDate(at: Date): string {
	return at.toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * `GET /orders?from_date&to_date` (both required [DOC S2]): one result per PO number; a PO reused
 * for several orders shows every order's details under one result, as `GET /orders/{po}` does.
 */
export async function listWpsOrders(
	client: WpsClient,
	from: Date,
	to: Date
): Promise<Result<OrderStatusResult[]>> {
	const path = `/orders?from_date=${wpsDate(from)}&to_date=${wpsDate(to)}`;
	const answer = await client.call('listOrders', 'GET', path);
	if (!answer.ok) return answer;
	if (answer.value.status === 400) {
		return err(
			'validation',
			`${WPS_NAME} refused the date range ${wpsDate(from)}–${wpsDate(to)}.`,
			{
				detail: answer.value.text.slice(0, 200)
			}
		);
	}
	if (!isSuccess(answer.value)) return wpsFailure(answer.value, 'status');
	const list = parseBody(WpsPurchaseOrderList, answer.value, WPS_NAME);
	if (!list.ok) return list;
	const details = new Map<string, WpsOrderDetail[]>();
	for (const po of list.value.data) {
		details.set(po.po_number, [...(details.get(po.po_number) ?? []), ...po.order_details]);
	}
	return ok([...details].map(([poNumber, all]) => toStatusResult(poNumber, all)));
}

/** One list call over the window from the oldest PO to now; unlisted POs are simply absent. */
export async function wpsOrderStatuses(
	client: WpsClient,
	pos: readonly StatusQuery[],
	now: Date
): Promise<Result<OrderStatusBatch>> {
	if (pos.length === 0) return ok({ statuses: [], askSingly: [] });
	const { from, to } = statusWindow(pos, now);
	const listed = await listWpsOrders(client, from, to);
	if (!listed.ok) return listed;
	return ok({ statuses: matchListed(pos, listed.value), askSingly: [] });
}
