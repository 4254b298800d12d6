import type { OrderStatusResult, StatusQuery } from './types';

/**
 * Helpers the adapters share for bulk status: the date window a list call must cover, and the
 * matching of listed orders back to the POs that were asked about.
 */

const DAY = 86_400_000;

/**
 * From a day before the oldest PO was created here (our clock and the distributor's calendar day
 * may differ) to a day after now. The PO is created here before it is placed, so its order date
 * at the distributor is never earlier than `placedAt`.
 */
export function statusWindow(pos: readonly StatusQuery[], now: Date): { from: Date; to: Date } {
	const oldest = pos.reduce((min, po) => Math.min(min, Date.parse(po.placedAt)), now.getTime());
	return { from: new Date(oldest - DAY), to: new Date(now.getTime() + DAY) };
}

/** `from`…`to` cut into windows of at most `maxDays` calendar days, oldest first. */
export function windows(from: Date, to: Date, maxDays: number): { from: Date; to: Date }[] {
	const out: { from: Date; to: Date }[] = [];
	for (let start = from.getTime(); start <= to.getTime(); start += maxDays * DAY) {
		out.push({
			from: new Date(start),
			to: new Date(Math.min(to.getTime(), start + (maxDays - 1) * DAY))
		});
	}
	return out;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

/**
 * The listed orders that answer the asked POs: matched by PO number, or by a reference stored at
 * placement (the distributor's own order number). Unasked orders are dropped.
 */
export function matchListed(
	pos: readonly StatusQuery[],
	listed: readonly OrderStatusResult[]
): OrderStatusResult[] {
	const byPo = new Map(listed.map((r) => [r.poNumber, r]));
	return pos.flatMap((po) => {
		const found =
			byPo.get(po.poNumber) ??
			listed.find((r) => r.distributorRefs.some((ref) => po.refs.includes(ref)));
		return found ? [{ ...found, poNumber: po.poNumber }] : [];
	});
}
