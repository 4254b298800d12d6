import type { DistributorId } from './distributor';

/**
 * One way to drop-ship an order item, as the Dropship dialog lists it: a distributor's SKU with
 * its cost, stock and lead time, and whether the rules let it be used (and why not).
 */
export interface DropshipOption {
	distributorId: DistributorId;
	sku: string;
	description: string;
	costCents: number;
	dropShipFeeCents: number;
	/** Stock in this morning's feed, all warehouses. */
	stock: number;
	/** The warehouse the rules would ship from, and its lead time. */
	warehouse?: string;
	leadTimeDays: number;
	isEligible: boolean;
	/** Why it is or is not the choice, in words. */
	reason: string;
}

/** Margin of a sale after the dealer's cost and the drop-ship fee, in percent of the price. */
export function marginPercent(priceCents: number, costCents: number, feeCents: number): number {
	if (priceCents <= 0) return 0;
	return Math.round(((priceCents - costCents - feeCents) / priceCents) * 1000) / 10;
}
