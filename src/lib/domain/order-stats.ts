import { localDateKey, startOfLocalDay } from './local-date';

/** Where dropship automation starts to pay for the time it takes to set up (the product brief). */
export const AUTOMATION_PAYS_OFF_PER_DAY = 10;

export interface DayCount {
	/** The local day, "YYYY-MM-DD". */
	date: string;
	count: number;
}

/** Orders per local day for the `days` days up to and including today, oldest first, zeros kept. */
export function ordersPerDay(createdAts: readonly string[], now: Date, days = 30): DayCount[] {
	const counts = new Map<string, number>();
	for (const at of createdAts) {
		const key = localDateKey(at);
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return Array.from({ length: days }, (_, i) => {
		const date = localDateKey(startOfLocalDay(now, i - days + 1));
		return { date, count: counts.get(date) ?? 0 };
	});
}

/**
 * The average from the first day with an order to today: a shop that started using the app a
 * week ago is not averaged over thirty days. Zero when there are no orders.
 */
export function averagePerDay(perDay: readonly DayCount[]): number {
	const first = perDay.findIndex((d) => d.count > 0);
	if (first < 0) return 0;
	const span = perDay.slice(first);
	return span.reduce((sum, d) => sum + d.count, 0) / span.length;
}

/** The advice line, in the dealer's words. */
export function automationAdvice(average: number): string {
	const where = `You average ${average.toFixed(1)} orders a day`;
	if (average >= AUTOMATION_PAYS_OFF_PER_DAY) {
		return `${where}: automation pays off from about ${AUTOMATION_PAYS_OFF_PER_DAY}, so it is worth turning on for every distributor you can.`;
	}
	return `${where}; automation pays off from about ${AUTOMATION_PAYS_OFF_PER_DAY}.`;
}

/** Units bought per order (the sum of the items' quantities), for the lists' "Items" column. */
export function unitsPerOrder(
	items: readonly { orderId: string; quantity: number }[]
): Map<string, number> {
	const units = new Map<string, number>();
	for (const item of items) units.set(item.orderId, (units.get(item.orderId) ?? 0) + item.quantity);
	return units;
}
