import { err, ok, type Result } from '$lib/domain/result';
import { parseBody } from '../http';
import { matchListed, statusWindow } from '../status-batch';
import type { OrderStatusBatch, OrderStatusResult, StatusQuery } from '../types';
import { PuOrderList, type PuOrder } from './api-schemas';
import { isSuccess, type PuClient } from './client';
import { PU_UNCONFIRMED } from './constants';
import { PU_NAME, puHttpFailure } from './errors';
import { listDate, toStatusResult } from './mapping';

const DAY = 86_400_000;

/**
 * The drop-ship order list by order date [CODE S16], page after page up to `maxListPages`. The
 * list shape is invented (§8.2, UNCONFIRMED): the API-key list was never seen parsed, so this
 * follows the simulator's `{orders, page_num, total_pages}` mirroring the portal detail.
 * `isComplete` is false when PU holds more pages than were read.
 */
async function readPages(
	client: PuClient,
	from: Date,
	to: Date,
	lookup?: { operation: string; poNumber: string }
): Promise<Result<{ orders: PuOrder[]; isComplete: boolean }>> {
	const orders: PuOrder[] = [];
	for (let page = 1; page <= PU_UNCONFIRMED.maxListPages; page++) {
		// The witness sends the ship-date pair with the same window [CODE S16]; what PU makes of
		// it is UNCONFIRMED (PU_UNCONFIRMED.listSendsShipDates).
		const start = listDate(from);
		const end = listDate(to);
		const shipDates = PU_UNCONFIRMED.listSendsShipDates
			? `&ship_date_start=${start}&ship_date_end=${end}`
			: '';
		const query = `order_date_start=${start}&order_date_end=${end}${shipDates}&page_num=${page}`;
		const sent = await client.call(
			lookup?.operation ?? 'listOrders',
			'GET',
			`/v2/orders/dropship?${query}`,
			lookup ? { poNumber: lookup.poNumber } : {}
		);
		if (!sent.ok) return sent;
		if (!isSuccess(sent.value)) return puHttpFailure(sent.value, client.dealer);
		const list = parseBody(PuOrderList, sent.value, PU_NAME);
		if (!list.ok) return list;
		orders.push(...list.value.orders);
		if (page >= list.value.total_pages) return ok({ orders, isComplete: true });
	}
	return ok({ orders, isComplete: false });
}

const TOO_MANY_PAGES = `${PU_NAME} lists more orders than this app reads; try again later.`;

/** Every order placed in `from`…`to`; `transient` when there are more pages than this app reads. */
export async function listPuOrders(client: PuClient, from: Date, to: Date) {
	const read = await readPages(client, from, to);
	if (!read.ok) return read;
	return read.value.isComplete ? ok(read.value.orders) : err('transient', TOO_MANY_PAGES);
}

/** One result per PO number (PU may hold several orders under one PO). */
export function puResults(orders: readonly PuOrder[]): OrderStatusResult[] {
	const byPo = new Map<string, PuOrder[]>();
	for (const o of orders) byPo.set(o.poNumber, [...(byPo.get(o.poNumber) ?? []), o]);
	return [...byPo].map(([poNumber, all]) => toStatusResult(poNumber, all));
}

/**
 * PU has no lookup by PO on the API-key API: read the list over the last
 * `orderLookbackDays` and match the PO (or a reference we stored).
 */
export async function findPuOrders(
	client: PuClient,
	poNumber: string,
	now: Date,
	refs: readonly string[] = []
): Promise<Result<PuOrder[]>> {
	const from = new Date(now.getTime() - PU_UNCONFIRMED.orderLookbackDays * DAY);
	const to = new Date(now.getTime() + DAY);
	const read = await readPages(client, from, to, { operation: 'findOrder', poNumber });
	if (!read.ok) return read;
	const found = read.value.orders.filter(
		(o) => o.poNumber === poNumber || refs.includes(o.mfOrderNumber)
	);
	// More pages than we read: the PO may be further on, so "absent" cannot be claimed.
	return found.length > 0 || read.value.isComplete ? ok(found) : err('transient', TOO_MANY_PAGES);
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
	return ok(toStatusResult(poNumber, found.value));
}

/** The list read once, over the window from the oldest PO, for every PO asked about. */
export async function puOrderStatuses(
	client: PuClient,
	pos: readonly StatusQuery[],
	now: Date
): Promise<Result<OrderStatusBatch>> {
	if (pos.length === 0) return ok({ statuses: [], askSingly: [] });
	const { from, to } = statusWindow(pos, now);
	const read = await readPages(client, from, to);
	if (!read.ok) return read;
	const statuses = matchListed(pos, puResults(read.value.orders));
	if (read.value.isComplete) return ok({ statuses, askSingly: [] });
	// The POs not on the pages read may be further on: unanswered, not absent.
	const answered = new Set(statuses.map((s) => s.poNumber));
	const unanswered = pos.map((p) => p.poNumber).filter((n) => !answered.has(n));
	const { error } = err('transient', TOO_MANY_PAGES);
	return ok({ statuses, askSingly: [], interrupted: { error, unanswered } });
}
