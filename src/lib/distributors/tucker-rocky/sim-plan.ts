import type { JsonBodyType } from 'msw';
import { pickCarrier, trackingNumber, type SimCarrier } from '$lib/simulator/carriers';
import { seededRandom, type SimOrder } from '$lib/simulator/simulator';
import { TUCKER_DCS, TUCKER_UNCONFIRMED } from './constants';

/**
 * How the simulated Tucker fills an order: each line from the DC with most stock, or with
 * `splitlines=YES` from several DCs; what no DC has is backordered. Fixed at order time and
 * stored; the timeline derives from the order's seed and the virtual clock, never from timers.
 */
export interface TrPlanPart {
	lineIndex: number;
	sku: string;
	qty: number;
	dc: string;
	isBackordered: boolean;
}

export interface TrPlan {
	carrier: string;
	parts: TrPlanPart[];
}

const HOUR = 3_600_000;

export function allocate(
	lines: readonly { lineIndex: number; sku: string; qty: number; stock: Record<string, number> }[],
	isSplit: boolean
): TrPlanPart[] {
	return lines.flatMap((line) => {
		const dcs = TUCKER_DCS.map((dc) => [dc, line.stock[dc] ?? 0] as const)
			.filter(([, qty]) => qty > 0)
			.sort((a, b) => b[1] - a[1]);
		const best = dcs[0]?.[0] ?? TUCKER_DCS[0];
		const whole = dcs.find(([, qty]) => qty >= line.qty);
		const base = { lineIndex: line.lineIndex, sku: line.sku };
		if (whole) return [{ ...base, qty: line.qty, dc: whole[0], isBackordered: false }];
		if (!isSplit) return [{ ...base, qty: line.qty, dc: best, isBackordered: true }];
		const parts: TrPlanPart[] = [];
		let left = line.qty;
		for (const [dc, qty] of dcs) {
			const take = Math.min(qty, left);
			parts.push({ ...base, qty: take, dc, isBackordered: false });
			left -= take;
		}
		if (left > 0) parts.push({ ...base, qty: left, dc: best, isBackordered: true });
		return parts;
	});
}

function shipDate(at: number): string {
	const d = new Date(at);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`;
}

/**
 * The SHP `shipment[]` entry of an order at virtual time `now`, or null while nothing has
 * shipped (§8.3: empty until shipped). Each DC ships on its own day with its own tracking number.
 */
export function shipmentAt(order: SimOrder, plan: TrPlan, now: Date): JsonBodyType | null {
	const random = seededRandom(order.seed);
	const created = Date.parse(order.createdAt);
	const keys = [...new Set(plan.parts.map((p) => `${p.dc}|${p.isBackordered}`))];
	const groups = keys.map((key) => {
		// Drawn for every group whatever the time, so one group's draws never shift another's.
		const isBackordered = key.endsWith('|true');
		const hours = isBackordered ? 168 + random() * 72 : 4 + random() * 26;
		const carrier: SimCarrier =
			plan.carrier === TUCKER_UNCONFIRMED.carrier.ground
				? 'UPS'
				: pickCarrier(random, ['UPS', 'FedEx']);
		const tracking = trackingNumber(carrier, random);
		const shipAt = created + hours * HOUR;
		return { key, shipAt, carrier, tracking, isBackordered };
	});
	const at = now.getTime();
	const shipped = order.cancelled ? [] : groups.filter((g) => at >= g.shipAt);
	if (shipped.length === 0 && !order.cancelled) return null;
	const isAllShipped = shipped.length === groups.length;
	const words = TUCKER_UNCONFIRMED.orderStatus;
	const word = (status: string) =>
		Object.entries(words).find(([, s]) => s === status)?.[0] ?? 'OPEN';
	const orderstatus = order.cancelled
		? word('cancelled')
		: isAllShipped && shipped.every((g) => at >= g.shipAt + 24 * HOUR)
			? word('invoiced')
			: isAllShipped
				? word('shipped')
				: word('partially_shipped');
	const names = TUCKER_UNCONFIRMED.simCarrierNames;
	return {
		ordernum: order.ref,
		orderstatus,
		shipmentline: shipped.flatMap((g) =>
			plan.parts
				.filter((p) => `${p.dc}|${p.isBackordered}` === g.key)
				.map((p) => ({
					itemnum: p.sku,
					qty: String(p.qty),
					dcname: p.dc,
					shipdate: shipDate(g.shipAt),
					trackingnumbers: [{ carrier: names[g.carrier], trackingnum: g.tracking }]
				}))
		)
	};
}
