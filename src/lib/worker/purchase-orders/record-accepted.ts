import type { DropShipRequest, DropShipResult } from '$lib/distributors/types';
import { nextPoState } from '$lib/domain/po-state';
import type { PoLine, PurchaseOrder } from '$lib/domain/purchase-order';
import { err, ok, type Result } from '$lib/domain/result';
import type { ApiDeps } from '../core/deps';
import { movePo, withState } from './records';

/** The distributor-neutral request for the PO's lines still to send. */
export function toRequest(po: PurchaseOrder, lines: readonly PoLine[]): DropShipRequest {
	return {
		poNumber: po.poNumber,
		shipTo: po.shipTo,
		shippingMethod: po.shippingMethod,
		warehouse: po.warehouse,
		lines: lines.map((l) => ({
			lineNo: l.lineNo,
			sku: l.sku,
			quantity: l.quantity,
			expectedUnitCostCents: l.unitCostCents
		}))
	};
}

/**
 * Writes an accepted answer in one transaction: each line's outcome, the distributor's refs and
 * the PO's next state (accepted, or attention when some lines were refused). Returns a conflict
 * when the PO changed meanwhile.
 */
export async function recordAccepted(
	deps: ApiDeps,
	po: PurchaseOrder,
	lines: readonly PoLine[],
	placed: DropShipResult
): Promise<Result<PurchaseOrder>> {
	const outcomes = new Map(placed.lines.map((l) => [l.lineNo, l]));
	const rejected = placed.lines.filter((l) => l.outcome === 'rejected');
	const isAllBackordered =
		placed.lines.length > 0 && placed.lines.every((l) => l.outcome === 'backordered');
	const saved = await deps.writes.run(() =>
		deps.db.transaction(
			'rw',
			[deps.db.purchaseOrders, deps.db.poLines, deps.db.orders, deps.db.orderItems],
			async () => {
				for (const line of lines) {
					const outcome = outcomes.get(line.lineNo);
					if (outcome) {
						await deps.db.poLines.update(line.id, {
							status: outcome.outcome,
							...(outcome.message ? { message: outcome.message } : {})
						});
					}
				}
				const events = rejected.length > 0 ? (['accepted', 'attention'] as const) : 'accepted';
				return movePo(deps.db, po.id, events, (p, to) => {
					let next = withState(
						p,
						nextPoState(p.state, 'accepted') ?? to,
						deps.now(),
						`Accepted as ${placed.distributorRefs.join(', ')}`
					);
					next = {
						...next,
						distributorRefs: placed.distributorRefs,
						shipState: isAllBackordered ? 'backordered' : 'awaiting',
						lastError: undefined
					};
					if (rejected.length > 0) {
						next = withState(next, to, deps.now(), `${rejected.length} line(s) refused`);
						next.lastError = {
							code: 'partial',
							message: `The distributor refused ${rejected.map((l) => l.sku).join(', ')}: ${rejected.map((l) => l.message ?? 'no reason given').join('; ')}.`
						};
					}
					return next;
				});
			}
		)
	);
	return saved
		? ok(saved)
		: err('conflict', 'The purchase order changed while it was being placed.');
}
