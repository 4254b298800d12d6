import { DISTRIBUTORS } from '$lib/domain/distributor';
import { ok, type Result } from '$lib/domain/result';
import { parseBody } from '../http';
import { cancelNotSupported } from '../skeleton';
import type { AdapterDeps, DistributorAdapter, StockLine } from '../types';
import { TrInvBody, TrPrcBody } from './api-schemas';
import { trwsClient, type Param, type TrwsClient } from './client';
import { TUCKER_DC_CAP, TUCKER_NOTE_MAX, TUCKER_UNCONFIRMED, TUCKER_URL } from './constants';
import { refusal, TUCKER_NAME } from './errors';
import { toStockLines, tuckerItem } from './mapping';
import { findTuckerOrder, tuckerOrderStatus } from './order-lookup';
import { placeTuckerOrder } from './place-order';
import { tuckerCannotList, tuckerOrderStatuses } from './shp-batch';

export interface TuckerRockyOptions {
	/** Production by default; TUCKER_TEST_URL for Tucker's test host. */
	baseUrl?: string;
}

/** The Tucker Rocky "trws" adapter (distributors.md §4): every call one GET, answers HTTP 200. */
export function createTuckerRockyAdapter(
	deps: AdapterDeps,
	options: TuckerRockyOptions = {}
): DistributorAdapter {
	const client = trwsClient(deps, options.baseUrl ?? TUCKER_URL);
	return {
		id: 'tucker',
		capabilities: {
			perWarehouseStock: true,
			stockCap: TUCKER_DC_CAP,
			cancelOrder: false,
			maxPoLength: TUCKER_UNCONFIRMED.maxPoLength,
			maxNoteLength: TUCKER_NOTE_MAX
		},

		/**
		 * INV of one item; `auth` when Tucker refuses the key or customer number. The credit card
		 * Tucker needs for drop-ship cannot be checked through the API, so it comes back as a warning.
		 */
		async validateCredentials() {
			const params: Param[] = [['item', TUCKER_UNCONFIRMED.canaryItem]];
			const sent = await client.call('validateCredentials', 'INV', params);
			if (!sent.ok) return sent;
			if (!sent.value.isSuccess) return refusal(sent.value.errormsg, client);
			const parsed = parseBody(TrInvBody, sent.value.answer, TUCKER_NAME);
			if (!parsed.ok) return parsed;
			return ok({
				accountLabel: `Customer ${client.customer}`,
				warnings: DISTRIBUTORS.tucker.prerequisites.map(
					(p) => `${TUCKER_NAME} cannot confirm this through the API: ${p}.`
				)
			});
		},

		/**
		 * INV (per-DC figures, 9 = "9 or more") and PRC per batch; unknown items are `found: false`.
		 * The first failure (auth, transient, protocol) is returned.
		 */
		async getStock(skus) {
			const lines: StockLine[] = [];
			for (let i = 0; i < skus.length; i += TUCKER_UNCONFIRMED.itemsPerCall) {
				const got = await stockBatch(client, skus.slice(i, i + TUCKER_UNCONFIRMED.itemsPerCall));
				if (!got.ok) return got;
				lines.push(...got.value);
			}
			return ok(lines);
		},

		/**
		 * One ORD. Fails with `validation` (naming the field) before sending when the PO or note is
		 * too long; `account_prerequisite` without a card on file; `duplicate_po`, `invalid_address`,
		 * `unknown_sku`, `out_of_stock` as Tucker says; `transient`/`protocol` when the outcome is
		 * unknown (look the PO up before sending again).
		 */
		placeDropShipOrder: (request) => placeTuckerOrder(client, request),

		/**
		 * SHP by the ordernum(s) in `refs`; `not_found` when Tucker has no such ordernum;
		 * `not_supported` ("cannot check", nothing sent) without refs.
		 */
		getOrderStatus: (poNumber, refs) => tuckerOrderStatus(client, poNumber, refs),

		/**
		 * SHP with up to `ordernumsPerShp` repeated ordernums per call; POs without a stored ordernum
		 * come back in `askSingly`. Failures as getOrderStatus.
		 */
		getOrderStatuses: (pos) => tuckerOrderStatuses(client, pos),

		/** Always `not_supported`: trws lists nothing by date. */
		listRecentOrders: async () => tuckerCannotList(),

		/**
		 * Always `not_supported` ("cannot check"), naming what to ask Tucker: trws has no lookup by
		 * PO, and nothing is sent to guess one (see order-lookup.ts).
		 */
		findOrderByPoNumber: (poNumber) => findTuckerOrder(poNumber),

		/** Always `not_supported`: trws has no cancel call; the message names who to contact. */
		cancelOrder: async (poNumber) =>
			cancelNotSupported(TUCKER_NAME, DISTRIBUTORS.tucker.contact, poNumber)
	};
}

async function stockBatch(
	client: TrwsClient,
	batch: readonly string[]
): Promise<Result<StockLine[]>> {
	const items = batch.map((sku): Param => ['item', tuckerItem(sku)]);
	const stock = await client.call('getStock', 'INV', items);
	if (!stock.ok) return stock;
	if (!stock.value.isSuccess) return refusal(stock.value.errormsg, client);
	const inventory = parseBody(TrInvBody, stock.value.answer, TUCKER_NAME);
	if (!inventory.ok) return inventory;
	const price = await client.call('getStock.pricing', 'PRC', items);
	if (!price.ok) return price;
	if (!price.value.isSuccess) return refusal(price.value.errormsg, client);
	const prices = parseBody(TrPrcBody, price.value.answer, TUCKER_NAME);
	if (!prices.ok) return prices;
	return ok(toStockLines(batch, inventory.value.INV.item, prices.value.PRC.item));
}
