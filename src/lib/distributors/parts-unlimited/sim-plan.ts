import { pickCarrier, trackingNumber, type SimCarrier } from '$lib/simulator/carriers';
import { seededRandom, type SimOrder } from '$lib/simulator/simulator';
import { PU_UNCONFIRMED } from './constants';

/**
 * How the simulated PU fills an order: each line from one warehouse (the one with most stock) or
 * backordered; lines from the same warehouse ship together. Fixed at order time and stored; the
 * timeline derives from the order's seed and the virtual clock, never from timers.
 */
export interface PuPlanLine {
	lineNumber: number;
	sku: string;
	quantity: number;
	location: string;
	isBackordered: boolean;
}

const HOUR = 3_600_000;

export function allocateLine(
	line: { lineNumber: number; sku: string; quantity: number },
	stock: Record<string, number>
): PuPlanLine {
	const best = Object.entries(stock).sort((a, b) => b[1] - a[1])[0];
	const canFill = best !== undefined && best[1] >= line.quantity;
	return { ...line, location: best?.[0] ?? 'WI', isBackordered: !canFill };
}

/** The order as the (invented, portal-shaped) order list shows it at virtual time `now`. */
export function orderAt(
	order: SimOrder,
	plan: readonly PuPlanLine[],
	shipVia: string,
	now: Date
): Record<string, unknown> {
	const random = seededRandom(order.seed);
	const created = Date.parse(order.createdAt);
	const words = PU_UNCONFIRMED.simLineStatus;
	const groups = [...new Set(plan.map((l) => `${l.location}|${l.isBackordered}`))];
	const timeline = new Map(
		groups.map((key) => {
			// Drawn for every group whatever the time, so one group's draws never shift another's.
			const isBackordered = key.endsWith('|true');
			const shipAfterHours = isBackordered ? 168 + random() * 72 : 4 + random() * 20;
			const carrier: SimCarrier =
				shipVia === 'ground' ? pickCarrier(random, ['UPS', 'FedEx']) : 'UPS';
			const cartons = random() < 0.25 ? 2 : 1;
			const tracking = Array.from({ length: cartons }, () => trackingNumber(carrier, random));
			return [key, { shipAt: created + shipAfterHours * HOUR, carrier, tracking }] as const;
		})
	);
	const items = plan.map((line, index) => {
		const t = timeline.get(`${line.location}|${line.isBackordered}`);
		const at = now.getTime();
		const isShipped = !order.cancelled && t !== undefined && at >= t.shipAt;
		const isInvoiced = isShipped && t !== undefined && at >= t.shipAt + 24 * HOUR;
		const lineStatus = order.cancelled
			? words.cancelled
			: isInvoiced
				? words.invoiced
				: isShipped
					? words.shipped
					: line.isBackordered
						? words.backordered
						: words.open;
		return {
			id: index + 1,
			partNumber: line.sku,
			part: { punctuatedPartNumber: line.sku },
			lineStatus,
			quantity: line.quantity,
			quantityShipped: isShipped ? line.quantity : 0,
			shipDate: isShipped && t ? new Date(t.shipAt).toISOString().slice(0, 10) : null,
			shipVia: isShipped && t ? t.carrier.toUpperCase() : null,
			locationCode: line.location,
			shippingCartons:
				isShipped && t ? t.tracking.map((trackingNumber) => ({ trackingNumber })) : []
		};
	});
	return {
		id: Number(order.ref),
		mfOrderNumber: order.ref,
		poNumber: order.poNumber,
		status: order.cancelled ? 'cancelled' : 'submitted',
		submittedAt: order.createdAt,
		items
	};
}
