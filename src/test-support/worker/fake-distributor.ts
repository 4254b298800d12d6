import type {
	DistributorAdapter,
	DropShipRequest,
	OrderStatusResult
} from '$lib/distributors/types';
import type { DistributorId } from '$lib/domain/distributor';
import { err, ok, type Result } from '$lib/domain/result';

export type FakeMode =
	| 'ok'
	| 'refuse'
	| 'lose_after_create'
	| 'lose_and_lookup_down'
	| 'down'
	| 'lookup_down'
	/** Creates the order, loses the answer, and cannot look a PO up (Tucker without ordernum). */
	| 'lose_and_cannot_check';

/**
 * An in-memory distributor for the placement tests: it holds orders by PO number and can refuse,
 * go down, or create the order and lose the answer. It counts order requests per PO, which is
 * what "exactly once" is measured by.
 */
export class FakeDistributor {
	readonly orders = new Map<string, DropShipRequest>();
	readonly requests = new Map<string, number>();
	mode: FakeMode = 'ok';
	/** What getOrderStatus answers per PO; a PO missing here is not_found. */
	readonly statuses = new Map<string, OrderStatusResult>();
	statusCalls = 0;
	statusFailure: 'none' | 'rate_limited' | 'transient' = 'none';
	/** Bulk status answers nothing and leaves every PO to a per-PO call (no bulk form). */
	hasNoBulkStatus = false;
	stock = 10;
	/** Lookups left that miss an order the distributor holds (its lookup lags its order intake). */
	blindLookups = 0;

	adapter(id: DistributorId = 'pu'): DistributorAdapter {
		return {
			id,
			capabilities: { perWarehouseStock: true, cancelOrder: false, maxPoLength: 20 },
			validateCredentials: async () => ok({ warnings: [] }),
			getStock: async (skus) =>
				this.mode === 'down'
					? this.down()
					: ok(
							skus.map((sku) => ({
								sku,
								found: true,
								totalQty: this.stock,
								capped: false,
								warehouses: []
							}))
						),
			placeDropShipOrder: async (request) => this.place(request),
			getOrderStatus: async (poNumber) => {
				this.statusCalls += 1;
				const failed = this.statusFailed();
				if (failed) return failed;
				const status = this.statuses.get(poNumber);
				return status ? ok(status) : err('not_found', 'No such PO.');
			},
			getOrderStatuses: async (pos) => {
				this.statusCalls += 1;
				const failed = this.statusFailed();
				if (failed) return failed;
				if (this.hasNoBulkStatus)
					return ok({ statuses: [], askSingly: pos.map((p) => p.poNumber) });
				const statuses = pos.flatMap((po) => {
					const status = this.statuses.get(po.poNumber);
					return status ? [status] : [];
				});
				return ok({ statuses, askSingly: [] });
			},
			listRecentOrders: async () => ok([...this.statuses.values()]),
			findOrderByPoNumber: async (poNumber) => {
				if (
					this.mode === 'down' ||
					this.mode === 'lookup_down' ||
					this.mode === 'lose_and_lookup_down'
				) {
					return this.down();
				}
				if (this.mode === 'lose_and_cannot_check')
					return err('not_supported', `Cannot check PO ${poNumber}: ask the distributor.`);
				const isBlind = this.blindLookups > 0;
				if (isBlind) this.blindLookups -= 1;
				return ok(
					this.orders.has(poNumber) && !isBlind
						? { poNumber, distributorRefs: [`REF-${poNumber}`], status: 'open' }
						: null
				);
			},
			cancelOrder: async () => err('not_supported', 'Call us.')
		};
	}

	private statusFailed(): Result<never> | null {
		if (this.statusFailure === 'rate_limited')
			return err('rate_limited', 'Slow down.', { retryAfterMs: 30_000 });
		return this.statusFailure === 'transient' ? this.down() : null;
	}

	private down(): Result<never> {
		return err('transient', 'The distributor had a problem on their side (error 503).');
	}

	/** Order requests for a PO the distributor already holds: a double order, had it allowed it. */
	duplicateAttempts = 0;

	private async place(request: DropShipRequest) {
		this.requests.set(request.poNumber, (this.requests.get(request.poNumber) ?? 0) + 1);
		if (this.orders.has(request.poNumber)) this.duplicateAttempts += 1;

		if (this.mode === 'refuse')
			return err('unknown_sku', 'The distributor does not know that part.');
		if (this.mode === 'down') return this.down();
		if (this.orders.has(request.poNumber)) return err('duplicate_po', 'PO already used.');
		this.orders.set(request.poNumber, request);
		if (
			this.mode === 'lose_after_create' ||
			this.mode === 'lose_and_lookup_down' ||
			this.mode === 'lose_and_cannot_check'
		)
			return err('transient', 'The distributor did not answer in time.');
		return ok({
			poNumber: request.poNumber,
			distributorRefs: [`REF-${request.poNumber}`],
			lines: request.lines.map((l) => ({
				lineNo: l.lineNo,
				sku: l.sku,
				outcome: 'accepted' as const,
				quantity: l.quantity
			}))
		});
	}
}
