import { DISTRIBUTORS } from '$lib/domain/distributor';
import { ok, type Result } from '$lib/domain/result';
import { parseBody } from '../http';
import { cancelNotSupported, findByStatus } from '../skeleton';
import type { AdapterDeps, DistributorAdapter, OrderStatusResult, StockLine } from '../types';
import { WpsItemPage, WpsPurchaseOrder } from './api-schemas';
import { isSuccess, wpsClient, type WpsClient } from './client';
import { WPS_UNCONFIRMED } from './constants';
import { WPS_NAME, wpsFailure } from './errors';
import { toStatusResult, toStockLine } from './mapping';
import { listWpsOrders, wpsOrderStatuses } from './order-list';
import { placeWpsOrder } from './place-order';

export interface WpsOptions {
	/** WPS's per-warehouse display cap (9 in the old docs, 25 lately). */
	stockCap?: number;
}

/** The Western Power Sports Data Depot v4 adapter (distributors.md §2). */
export function createWpsAdapter(deps: AdapterDeps, options: WpsOptions = {}): DistributorAdapter {
	const client = wpsClient(deps);
	const stockCap = options.stockCap ?? WPS_UNCONFIRMED.stockCap;
	const now = () => deps.now?.() ?? new Date();
	return {
		id: 'wps',
		capabilities: {
			perWarehouseStock: true,
			stockCap,
			cancelOrder: false,
			maxPoLength: WPS_UNCONFIRMED.maxPoLength,
			maxNoteLength: 50
		},

		/** GET /items?page[size]=1; `auth` when refused, `transient`/`rate_limited` when WPS is not answering. */
		async validateCredentials() {
			const answer = await client.call('validateCredentials', 'GET', '/items?page[size]=1');
			if (!answer.ok) return answer;
			if (!isSuccess(answer.value)) return wpsFailure(answer.value, 'catalog');
			const page = parseBody(WpsItemPage, answer.value, WPS_NAME);
			if (!page.ok) return page;
			return ok({
				warnings: DISTRIBUTORS.wps.prerequisites.map(
					(p) => `${WPS_NAME} cannot confirm this through the API: ${p}.`
				)
			});
		},

		/** One item lookup per SKU with inventory; the first failure (auth, transient, protocol) is returned. */
		async getStock(skus) {
			const lines: StockLine[] = [];
			for (const sku of skus) {
				const query = `filter[sku]=${encodeURIComponent(sku)}&include=inventory`;
				const answer = await client.call('getStock', 'GET', `/items?${query}`);
				if (!answer.ok) return answer;
				if (!isSuccess(answer.value)) return wpsFailure(answer.value, 'catalog');
				const page = parseBody(WpsItemPage, answer.value, WPS_NAME);
				if (!page.ok) return page;
				lines.push(toStockLine(sku, page.value.data, stockCap));
			}
			return ok(lines);
		},

		/**
		 * Cart → items → submit. Fails with `validation` (naming the field) before sending; with
		 * `unknown_sku`/`out_of_stock` when every line is refused; `account_prerequisite` when WPS
		 * wants a tax ID; `transient`/`protocol` when the outcome is unknown (look the PO up first).
		 */
		placeDropShipOrder: (request) => placeWpsOrder(client, request),

		/** GET /orders/{po}; `not_found` when WPS has no such PO. */
		getOrderStatus: (poNumber) => orderStatus(client, poNumber),

		/** One `GET /orders?from_date&to_date` from the oldest PO; failures as listRecentOrders. */
		getOrderStatuses: (pos) => wpsOrderStatuses(client, pos, now()),

		/** `GET /orders?from_date&to_date`; `validation` when WPS refuses the range (400). */
		listRecentOrders: (from, to) => listWpsOrders(client, from, to),

		/** ok(null) when WPS has no order for the PO; any failure means "unknown", never "absent". */
		findOrderByPoNumber: (poNumber) => findByStatus(poNumber, orderStatus(client, poNumber)),

		/** Always `not_supported`: WPS's API cannot cancel; the message names who to contact. */
		cancelOrder: async (poNumber) =>
			cancelNotSupported(WPS_NAME, DISTRIBUTORS.wps.contact, poNumber)
	};
}

async function orderStatus(
	client: WpsClient,
	poNumber: string
): Promise<Result<OrderStatusResult>> {
	const path = `/orders/${encodeURIComponent(poNumber)}`;
	const answer = await client.call('getOrderStatus', 'GET', path, { poNumber });
	if (!answer.ok) return answer;
	if (!isSuccess(answer.value)) return wpsFailure(answer.value, 'status', poNumber);
	const po = parseBody(WpsPurchaseOrder, answer.value, WPS_NAME);
	if (!po.ok) return po;
	return ok(
		toStatusResult(
			poNumber,
			po.value.data.flatMap((p) => p.order_details)
		)
	);
}
