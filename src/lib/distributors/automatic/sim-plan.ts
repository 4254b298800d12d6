import type { JsonBodyType } from 'msw';
import { pickCarrier, trackingNumber } from '$lib/simulator/carriers';
import { seededRandom, type SimOrder } from '$lib/simulator/simulator';
import { AUTOMATIC_UNCONFIRMED } from './constants';

/**
 * How the simulated Automatic fills an order: stocked lines ship first as generation "00"
 * (sometimes in two generations), backordered lines follow as the next generation a week or so
 * later — the split/backorder suffix idiom of A+-style ERPs [INF §5.2]. Fixed at order time; the
 * timeline derives from the order's seed and the virtual clock, never from timers.
 */
export interface AdPlanLine {
	sku: string;
	quantity: number;
	warehouse: string;
	isBackordered: boolean;
}

export interface AdPlan {
	shipVia: string;
	lines: AdPlanLine[];
}

const HOUR = 3_600_000;

const pad = (n: number) => String(n).padStart(2, '0');
/** MM/DD/YY, the v2 `invoiceDate` form [3P-DOC S27]. */
export function usDate(at: number): string {
	const d = new Date(at);
	return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${pad(d.getUTCFullYear() % 100)}`;
}

function groupsOf(plan: AdPlan, random: () => number): AdPlanLine[][] {
	const stocked = plan.lines.filter((l) => !l.isBackordered);
	const backordered = plan.lines.filter((l) => l.isBackordered);
	// Drawn whatever the plan, so the later draws never shift.
	const isSplit = random() < 0.3 && stocked.length >= 2;
	const half = Math.ceil(stocked.length / 2);
	const first = isSplit ? [stocked.slice(0, half), stocked.slice(half)] : [stocked];
	return [...first, backordered].filter((g) => g.length > 0);
}

/**
 * The order's generations as the lookup shows them at virtual time `now`. The range form keeps
 * one `trackingNumber` (a freight generation's PRO) and no `proNumber` [3P-DOC S27].
 */
export function generationsAt(
	order: SimOrder,
	plan: AdPlan,
	now: Date,
	form: 'lookup' | 'range' = 'lookup'
): JsonBodyType[] {
	const random = seededRandom(order.seed);
	const created = Date.parse(order.createdAt);
	const words = AUTOMATIC_UNCONFIRMED.generationStatus;
	const word = (s: string) => Object.entries(words).find(([, v]) => v === s)?.[0] ?? 'OPEN';
	let last = created;
	const timeline = groupsOf(plan, random).map((lines) => {
		const isBackordered = lines[0]?.isBackordered ?? false;
		const hours = isBackordered ? 168 + random() * 72 : 4 + random() * 20;
		const isFreight = random() < 0.1;
		const carrier = pickCarrier(random, ['UPS', 'FedEx']);
		const tracking = trackingNumber(carrier, random);
		const pro = String(Math.floor(random() * 1e9)).padStart(9, '0');
		last = Math.max(created + hours * HOUR, last + HOUR);
		return { lines, isBackordered, shipAt: last, isFreight, carrier, tracking, pro };
	});
	const at = now.getTime();
	const generations: JsonBodyType[] = [];
	for (const [index, g] of timeline.entries()) {
		const header = {
			ponumber: order.poNumber,
			orderNumber: order.ref,
			orderGenerationNumber: pad(index),
			warehouse: g.lines[0]?.warehouse ?? 'MAIN'
		};
		if (at < g.shipAt) {
			// Not shipped yet: this generation holds every line still to come.
			const status = order.cancelled
				? word('cancelled')
				: g.isBackordered
					? word('backordered')
					: word('open');
			const rest = timeline.slice(index).flatMap((t) => t.lines);
			generations.push({
				header: {
					...header,
					status,
					invoiceDate: '',
					shipDate: '',
					trackingNumber: '',
					...(form === 'lookup' ? { proNumber: '' } : {})
				},
				lines: rest.map((l) => ({ sku: l.sku, quantity: l.quantity }))
			});
			break;
		}
		const isInvoiced = at >= g.shipAt + 24 * HOUR;
		generations.push({
			header: {
				...header,
				status: isInvoiced ? word('invoiced') : word('shipped'),
				invoiceDate: isInvoiced ? usDate(g.shipAt + 24 * HOUR) : '',
				shipDate: usDate(g.shipAt),
				shipVia: g.isFreight ? AUTOMATIC_UNCONFIRMED.freightShipVia : g.carrier.toUpperCase(),
				...(form === 'lookup'
					? { trackingNumber: g.isFreight ? '' : g.tracking, proNumber: g.isFreight ? g.pro : '' }
					: { trackingNumber: g.isFreight ? g.pro : g.tracking })
			},
			lines: g.lines.map((l) => ({ sku: l.sku, quantity: l.quantity }))
		});
	}
	return generations;
}
