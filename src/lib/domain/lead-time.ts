import { startOfLocalDay } from './local-date';
import type { PurchaseOrder } from './purchase-order';

/**
 * Distributors quote lead time in business days (Monday to Friday) from the day the PO was
 * placed. Holidays are not known here, so a PO can show as late a day early around a holiday;
 * that errs on the side of the dealer looking, never on missing a late PO.
 */

const isWeekend = (d: Date) => d.getDay() === 0 || d.getDay() === 6;

/** The local day by which the PO should have shipped: `leadTimeDays` business days after it was placed. */
export function leadTimeDueDay(createdAt: string | Date, leadTimeDays: number): Date {
	let day = startOfLocalDay(typeof createdAt === 'string' ? new Date(createdAt) : createdAt);
	let remaining = Math.max(0, Math.floor(leadTimeDays));
	while (remaining > 0) {
		day = startOfLocalDay(day, 1);
		if (!isWeekend(day)) remaining -= 1;
	}
	// A PO placed on a weekend with no lead time is due on the next business day.
	while (isWeekend(day)) day = startOfLocalDay(day, 1);
	return day;
}

/** Placed with the distributor and still without tracking, and its whole due day has passed. */
export function isPastLeadTime(
	po: Pick<PurchaseOrder, 'createdAt' | 'leadTimeDays' | 'state' | 'shipState'>,
	now: Date
): boolean {
	const isPlaced = po.state === 'submitted' || po.state === 'confirmed';
	const isWaiting = po.shipState === 'awaiting' || po.shipState === 'backordered';
	if (!isPlaced || !isWaiting) return false;
	return now >= startOfLocalDay(leadTimeDueDay(po.createdAt, po.leadTimeDays), 1);
}
