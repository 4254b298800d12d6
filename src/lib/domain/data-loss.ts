import { z } from 'zod';
import { DistributorId } from './distributor';

/**
 * What the distributors hold that this browser does not: the report of the data-loss check
 * (worker/data-loss.ts), kept in settings under DATA_LOSS_KEY so every page and tab shows it.
 */

/** How far back the distributors are asked: the span tracking keeps polling a PO. */
export const LOOKBACK_DAYS = 60;

export const DataLossReport = z.object({
	checkedAt: z.iso.datetime(),
	/** Orders a distributor lists under our PO prefix that this browser has no PO for. */
	missing: z.array(z.object({ distributorId: DistributorId, poNumbers: z.array(z.string()) })),
	/** Distributors whose API has no order list, or that could not be asked now. */
	notChecked: z.array(z.object({ distributorId: DistributorId, reason: z.string() }))
});
export type DataLossReport = z.infer<typeof DataLossReport>;

export const DATA_LOSS_KEY = 'dataLoss' as const;
