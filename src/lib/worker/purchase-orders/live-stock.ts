import { formatCents } from '$lib/domain/money';
import type { AppError } from '$lib/domain/result';

/** A line that the feed said was in stock, checked live. Null when fine, else the reason. */
export function liveStockProblem(
	distributorName: string,
	displaySku: string,
	wanted: number,
	live: { found: boolean; totalQty: number; costCents?: number },
	expectedCostCents: number
): AppError | null {
	if (!live.found) {
		return {
			code: 'unknown_sku',
			message: `${distributorName} does not know ${displaySku} any more. Choose another distributor.`
		};
	}
	if (live.totalQty < wanted) {
		return {
			code: 'out_of_stock',
			message: `${distributorName} has ${live.totalQty} of ${displaySku} right now, not the ${wanted} needed: its feed was out of date. Choose another distributor.`
		};
	}
	// More than 2 % dearer than the feed: the dealer decides, not us.
	if (live.costCents !== undefined && live.costCents > expectedCostCents * 1.02) {
		return {
			code: 'price_changed',
			message: `${distributorName} now charges ${formatCents(live.costCents)} for ${displaySku}, not ${formatCents(expectedCostCents)} as in its feed.`
		};
	}
	return null;
}
