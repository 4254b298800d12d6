import { DISTRIBUTORS } from '$lib/domain/distributor';
import { ok } from '$lib/domain/result';
import { parseBody } from '../http';
import { cancelNotSupported, findByStatus } from '../skeleton';
import type { AdapterDeps, DistributorAdapter, StockLine } from '../types';
import { PuAvailability, PuPricing } from './api-schemas';
import { isSuccess, puClient, type PuClient } from './client';
import { PU_BASE_URL, PU_UNCONFIRMED } from './constants';
import { PU_NAME, puHttpFailure } from './errors';
import { toStockLines } from './mapping';
import { listPuOrders, puOrderStatus, puOrderStatuses, puResults } from './order-lookup';
import { placePuOrder } from './place-order';

export interface PartsUnlimitedOptions {
	/** Production by default; PU_STAGING_URL with staging keys. */
	baseUrl?: string;
}

/** The Parts Unlimited / LeMans API adapter (distributors.md §3). */
export function createPartsUnlimitedAdapter(
	deps: AdapterDeps,
	options: PartsUnlimitedOptions = {}
): DistributorAdapter {
	const client = puClient(deps, options.baseUrl ?? PU_BASE_URL);
	const now = () => deps.now?.() ?? new Date();
	return {
		id: 'pu',
		capabilities: {
			perWarehouseStock: true,
			cancelOrder: false,
			maxPoLength: PU_UNCONFIRMED.maxPoLength
		},

		/** Pricing of one part; `auth` when the key is refused. The dealer number is checked only by an order. */
		async validateCredentials() {
			const path = `/v1/parts/pricing/${encodeURIComponent(PU_UNCONFIRMED.canaryPart)}`;
			const sent = await client.call('validateCredentials', 'GET', path);
			if (!sent.ok) return sent;
			if (!isSuccess(sent.value)) return puHttpFailure(sent.value, client.dealer);
			const priced = parseBody(PuPricing, sent.value, PU_NAME);
			if (!priced.ok) return priced;
			return ok({
				accountLabel: `Dealer ${client.dealer}`,
				warnings: [
					...DISTRIBUTORS.pu.prerequisites.map(
						(p) => `${PU_NAME} cannot confirm this through the API: ${p}.`
					),
					`${PU_NAME} checks the dealer number only when the first order is placed.`
				]
			});
		},

		/** Inventory and pricing in batches of 25; the first failure (auth, transient, protocol) is returned. */
		async getStock(skus) {
			const lines: StockLine[] = [];
			for (let i = 0; i < skus.length; i += PU_UNCONFIRMED.inventoryBatch) {
				const batch = skus.slice(i, i + PU_UNCONFIRMED.inventoryBatch);
				const got = await stockBatch(client, batch);
				if (!got.ok) return got;
				lines.push(...got.value);
			}
			return ok(lines);
		},

		/**
		 * One POST. Fails with `validation` (naming the field) before sending; `not_enabled` when
		 * drop-ship is off for the dealer; `unknown_sku`, `invalid_address`, `duplicate_po` as PU
		 * says; `transient`/`protocol` when the outcome is unknown (look the PO up first).
		 */
		placeDropShipOrder: (request) => placePuOrder(client, request),

		/** From the order list by date; `not_found` when PU lists no order for the PO. */
		getOrderStatus: (poNumber, refs) => puOrderStatus(client, poNumber, now(), refs),

		/** The order list read once from the oldest PO's date; failures as listRecentOrders. */
		getOrderStatuses: (pos) => puOrderStatuses(client, pos, now()),

		/**
		 * Every page of the order list by order date (list shape UNCONFIRMED, §3.4); `transient`
		 * when there are more pages than this app reads.
		 */
		async listRecentOrders(from, to) {
			const listed = await listPuOrders(client, from, to);
			return listed.ok ? ok(puResults(listed.value)) : listed;
		},

		/** ok(null) when PU lists no order for the PO; any failure means "unknown", never "absent". */
		findOrderByPoNumber: (poNumber) =>
			findByStatus(poNumber, puOrderStatus(client, poNumber, now())),

		/** Always `not_supported`: PU's API cannot cancel; the message names who to contact. */
		cancelOrder: async (poNumber) => cancelNotSupported(PU_NAME, DISTRIBUTORS.pu.contact, poNumber)
	};
}

async function stockBatch(client: PuClient, batch: readonly string[]) {
	const list = batch.map(encodeURIComponent).join(',');
	const stock = await client.call('getStock', 'GET', `/v1/parts/inventory/${list}`);
	if (!stock.ok) return stock;
	if (!isSuccess(stock.value)) return puHttpFailure(stock.value, client.dealer);
	const availability = parseBody(PuAvailability, stock.value, PU_NAME);
	if (!availability.ok) return availability;
	const price = await client.call('getStock.pricing', 'GET', `/v1/parts/pricing/${list}`);
	if (!price.ok) return price;
	if (!isSuccess(price.value)) return puHttpFailure(price.value, client.dealer);
	const pricing = parseBody(PuPricing, price.value, PU_NAME);
	if (!pricing.ok) return pricing;
	return ok(toStockLines(batch, availability.value, pricing.value));
}
