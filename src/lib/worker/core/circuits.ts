import type { DistributorAdapter } from '$lib/distributors/types';
import { DISTRIBUTORS, type DistributorId } from '$lib/domain/distributor';
import type { Result } from '$lib/domain/result';
import { CLOSED, afterCall, canCall, type Circuit } from '$lib/domain/retry-policy';

/**
 * One circuit breaker per distributor, in the worker's memory. A distributor that keeps failing
 * is paused for everyone (placement, tracking, tests of the connection), so we stop hammering it
 * and the dealer sees why. The state is mirrored into settings so the pages can show it.
 */
export class Circuits {
	private readonly circuits = new Map<DistributorId, Circuit>();

	constructor(
		private readonly onChange: (all: Partial<Record<DistributorId, Circuit>>) => void = () =>
			undefined
	) {}

	get(id: DistributorId): Circuit {
		return this.circuits.get(id) ?? CLOSED;
	}

	/** Null when calls may go out; else the reason in the dealer's words. */
	pausedReason(id: DistributorId, now: Date): string | null {
		const circuit = this.get(id);
		if (canCall(circuit, now.getTime())) return null;
		const until = new Date(circuit.openUntil ?? 0).toLocaleTimeString('en-US', {
			hour: 'numeric',
			minute: '2-digit'
		});
		return `${DISTRIBUTORS[id].name} failed ${circuit.failures} times in a row, so calls are paused until ${until}.`;
	}

	record(id: DistributorId, result: Result<unknown>, now: Date): void {
		const isFailure =
			!result.ok && (result.error.code === 'transient' || result.error.code === 'auth');
		const before = this.get(id);
		const after = afterCall(before, isFailure, now.getTime());
		this.circuits.set(id, after);
		if (after.state !== before.state || after.failures !== before.failures) {
			this.onChange(Object.fromEntries(this.circuits));
		}
	}

	/** The adapter with every call's outcome fed into its distributor's circuit. */
	wrap(adapter: DistributorAdapter, now: () => Date): DistributorAdapter {
		const track = <T>(promise: Promise<Result<T>>): Promise<Result<T>> =>
			promise.then((result) => {
				this.record(adapter.id, result, now());
				return result;
			});
		return {
			id: adapter.id,
			capabilities: adapter.capabilities,
			validateCredentials: () => track(adapter.validateCredentials()),
			getStock: (skus) => track(adapter.getStock(skus)),
			placeDropShipOrder: (request) => track(adapter.placeDropShipOrder(request)),
			getOrderStatus: (po, refs) => track(adapter.getOrderStatus(po, refs)),
			// A batch that answered part and then failed is a failure for the circuit: the failed
			// call is what says the distributor is in trouble.
			getOrderStatuses: (pos) =>
				adapter.getOrderStatuses(pos).then((result) => {
					this.record(
						adapter.id,
						result.ok && result.value.interrupted
							? { ok: false, error: result.value.interrupted.error }
							: result,
						now()
					);
					return result;
				}),
			listRecentOrders: (from, to) => track(adapter.listRecentOrders(from, to)),
			findOrderByPoNumber: (po) => track(adapter.findOrderByPoNumber(po)),
			cancelOrder: (po) => adapter.cancelOrder(po)
		};
	}
}
