import { ok, type Result } from '$lib/domain/result';
import { parseBody } from '../http';
import { findByStatus } from '../skeleton';
import type { AdapterDeps, DistributorAdapter, StockLine } from '../types';
import { AdInventory } from './api-schemas';
import { adClient, isSuccess, type AdClient } from './client';
import { AUTOMATIC_MAX_PO, AUTOMATIC_UNCONFIRMED } from './constants';
import { AD_NAME, adFailure } from './errors';
import { toStockLines } from './mapping';
import { adOrderStatuses, listAdOrders } from './order-range';
import { adOrderStatus, placeAdOrder, revokeAdOrder } from './orders';

export interface AutomaticOptions {
	/** Overrides the address saved with the account (tests). */
	baseUrl?: string;
	/** Use v2's (unverified) "revoke all orders for a PO"; AUTOMATIC_UNCONFIRMED.canRevoke by default. */
	canRevoke?: boolean;
}

/**
 * The Automatic Distributors v2 adapter. SHAPE INVENTED (distributors.md §5.3, §8.4): the URL,
 * auth and payloads are placeholders kept in AUTOMATIC_UNCONFIRMED and api-schemas.ts.
 */
export function createAutomaticAdapter(
	deps: AdapterDeps,
	options: AutomaticOptions = {}
): DistributorAdapter {
	const client = adClient(deps, options.baseUrl);
	const canRevoke = options.canRevoke ?? AUTOMATIC_UNCONFIRMED.canRevoke;
	const now = () => deps.now?.() ?? new Date();
	return {
		id: 'automatic',
		capabilities: {
			perWarehouseStock: true,
			cancelOrder: canRevoke,
			maxPoLength: AUTOMATIC_MAX_PO,
			maxNoteLength: AUTOMATIC_UNCONFIRMED.maxNoteLength
		},

		/** Stock of one SKU; `auth` when the token is refused. Warns that the API shape is unverified. */
		async validateCredentials() {
			const got = await stockBatch(
				client,
				[AUTOMATIC_UNCONFIRMED.canarySku],
				'validateCredentials'
			);
			if (!got.ok) return got;
			return ok({
				warnings: [
					`${AD_NAME}'s API document was not available when this connection was built; check the first orders by hand.`
				]
			});
		},

		/** Stock per warehouse with dealer cost; unknown SKUs are `found: false`; first failure returned. */
		async getStock(skus) {
			const lines: StockLine[] = [];
			for (let i = 0; i < skus.length; i += AUTOMATIC_UNCONFIRMED.skusPerCall) {
				const got = await stockBatch(client, skus.slice(i, i + AUTOMATIC_UNCONFIRMED.skusPerCall));
				if (!got.ok) return got;
				lines.push(...got.value);
			}
			return ok(lines);
		},

		/**
		 * One POST. Fails with `validation` (field `poNumber`) before sending when the PO is over 22
		 * characters or not printable ASCII; `validation` for a CARB-restricted item to California;
		 * `duplicate_po`, `unknown_sku`, `out_of_stock`, `invalid_address`, `account_prerequisite` as
		 * Automatic says; `transient`/`protocol` when the outcome is unknown (look the PO up first).
		 */
		placeDropShipOrder: (request) => placeAdOrder(client, request),

		/** All order generations of the PO; `not_found` when Automatic has none in the last 365 days. */
		getOrderStatus: (poNumber) => adOrderStatus(client, poNumber, now()),

		/** One range call from the oldest PO; without a range endpoint, every PO in `askSingly`. */
		getOrderStatuses: (pos) => adOrderStatuses(client, pos, now()),

		/** The range endpoint in windows of ≤ 365 days; `not_supported` when it does not exist. */
		listRecentOrders: (from, to) => listAdOrders(client, from, to),

		/** ok(null) when Automatic lists no generation for the PO; any failure means "unknown". */
		findOrderByPoNumber: (poNumber) =>
			findByStatus(poNumber, adOrderStatus(client, poNumber, now())),

		/** `not_supported` with the contact unless the revoke flag is on; then `not_found` when nothing was revoked. */
		cancelOrder: (poNumber) => revokeAdOrder(client, poNumber, canRevoke)
	};
}

async function stockBatch(
	client: AdClient,
	batch: readonly string[],
	operation = 'getStock'
): Promise<Result<StockLine[]>> {
	const query = new URLSearchParams(batch.map((sku) => ['sku', sku]));
	const sent = await client.call(operation, 'GET', AUTOMATIC_UNCONFIRMED.paths.inventory, {
		query
	});
	if (!sent.ok) return sent;
	if (!isSuccess(sent.value)) return adFailure(sent.value);
	const inventory = parseBody(AdInventory, sent.value, AD_NAME);
	if (!inventory.ok) return inventory;
	return ok(toStockLines(batch, inventory.value));
}
