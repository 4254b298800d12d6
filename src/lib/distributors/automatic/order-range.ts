import { err, ok, type Result } from '$lib/domain/result';
import { parseBody } from '../http';
import { matchListed, statusWindow, windows } from '../status-batch';
import type { OrderStatusBatch, OrderStatusResult, StatusQuery } from '../types';
import { AdLookup, type AdGeneration } from './api-schemas';
import { isSuccess, type AdClient } from './client';
import { AUTOMATIC_MAX_LOOKUP_DAYS, AUTOMATIC_UNCONFIRMED } from './constants';
import { AD_NAME, adFailure } from './errors';
import { fromRangeGeneration, toStatusResult } from './mapping';

const day = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Every order generation placed in `from`…`to`, one range call per window of at most 365 days
 * (v2's lookup limit [3P-DOC S27]). Path and shape invented. `not_supported` when the range
 * endpoint answers 404 (this account or API version has none).
 */
export async function listAdOrders(
	client: AdClient,
	from: Date,
	to: Date
): Promise<Result<OrderStatusResult[]>> {
	const generations: AdGeneration[] = [];
	for (const w of windows(from, to, AUTOMATIC_MAX_LOOKUP_DAYS)) {
		const query = new URLSearchParams({ startDate: day(w.from), endDate: day(w.to) });
		const sent = await client.call('listOrders', 'GET', AUTOMATIC_UNCONFIRMED.paths.range, {
			query
		});
		if (!sent.ok) return sent;
		if (sent.value.status === 404) {
			return err('not_supported', `${AD_NAME} offers no order list by date to this account.`, {
				detail: sent.value.text.slice(0, 200)
			});
		}
		if (!isSuccess(sent.value)) return adFailure(sent.value);
		const found = parseBody(AdLookup, sent.value, AD_NAME);
		if (!found.ok) return found;
		generations.push(...found.value.orders.map(fromRangeGeneration));
	}
	const byPo = new Map<string, AdGeneration[]>();
	for (const g of generations) {
		byPo.set(g.header.ponumber, [...(byPo.get(g.header.ponumber) ?? []), g]);
	}
	return ok([...byPo].map(([poNumber, all]) => toStatusResult(poNumber, all)));
}

/**
 * The range read once from the oldest PO; without a range endpoint every PO comes back in
 * `askSingly`, for the per-PO lookup.
 */
export async function adOrderStatuses(
	client: AdClient,
	pos: readonly StatusQuery[],
	now: Date
): Promise<Result<OrderStatusBatch>> {
	if (pos.length === 0) return ok({ statuses: [], askSingly: [] });
	const { from, to } = statusWindow(pos, now);
	const listed = await listAdOrders(client, from, to);
	if (!listed.ok) {
		return listed.error.code === 'not_supported'
			? ok({ statuses: [], askSingly: pos.map((p) => p.poNumber) })
			: listed;
	}
	return ok({ statuses: matchListed(pos, listed.value), askSingly: [] });
}
