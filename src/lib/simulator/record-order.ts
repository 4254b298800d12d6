import type { DistributorId } from '$lib/domain/distributor';
import type { SimOrder, Simulator } from './simulator';

/** What a simulated distributor knows of an order it has just accepted, in its own terms. */
export interface AcceptedOrder {
	distributorId: DistributorId;
	poNumber: string;
	/** The distributor's own order number, made from the simulator's next sequence number. */
	refOf: (sequence: number) => string;
	shipTo: Record<string, string>;
	lines: readonly { sku: string; quantity: number }[];
	/** The cost the distributor charges for a SKU; an unknown SKU is recorded at 0. */
	costOf: (sku: string) => number | undefined;
}

/**
 * Records an accepted order the same way for every simulated distributor: one sequence number for
 * its reference and its seed, so its shipping plan reads the same on every later request.
 */
export function recordOrder(sim: Simulator, accepted: AcceptedOrder): SimOrder {
	const sequence = sim.nextSequence();
	const order: SimOrder = {
		distributorId: accepted.distributorId,
		poNumber: accepted.poNumber,
		ref: accepted.refOf(sequence),
		createdAt: sim.now().toISOString(),
		shipTo: accepted.shipTo,
		lines: accepted.lines.map((l) => ({
			sku: l.sku,
			quantity: l.quantity,
			unitCostCents: accepted.costOf(l.sku) ?? 0
		})),
		seed: sequence * 7919
	};
	sim.addOrder(order);
	return order;
}
