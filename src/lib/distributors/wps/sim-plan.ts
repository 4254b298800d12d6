import type { Offer } from '$lib/domain/catalog';
import { pickCarrier, trackingNumber, type SimCarrier } from '$lib/simulator/carriers';
import { seededRandom, type SimOrder } from '$lib/simulator/simulator';
import { WPS_UNCONFIRMED } from './constants';

/**
 * How the simulated WPS fills an order: lines grouped by the warehouse that fills them, one
 * order_detail per group. The allocation is fixed when the order is submitted (stored with the
 * simulator); the timeline derives from the order's seed and the virtual clock, so every read of
 * the same order at the same virtual time shows the same thing, and no timer runs.
 */
export interface WpsPlanGroup {
	orderNumber: string;
	warehouse: string;
	isBackordered: boolean;
	items: { sku: string; quantity: number }[];
}

const HOUR = 3_600_000;

/** Each line goes to the preferred warehouse when it can fill it, else the one with most stock. */
export function allocate(
	ref: string,
	lines: readonly { sku: string; quantity: number }[],
	lookup: (sku: string) => Offer | undefined,
	options: { preferred?: string; isOutOfStock: boolean }
): WpsPlanGroup[] {
	const groups: WpsPlanGroup[] = [];
	for (const line of lines) {
		const stock = options.isOutOfStock ? {} : (lookup(line.sku)?.stock ?? {});
		const ranked = Object.entries(stock).sort((a, b) => b[1] - a[1]);
		const preferred = options.preferred ? stock[options.preferred] : undefined;
		const best = ranked[0];
		let warehouse: string;
		let isBackordered = false;
		if (options.preferred && preferred !== undefined && preferred >= line.quantity) {
			warehouse = options.preferred;
		} else if (best && best[1] >= line.quantity) {
			warehouse = best[0];
		} else {
			warehouse = options.preferred ?? best?.[0] ?? 'PA';
			isBackordered = true;
		}
		let group = groups.find((g) => g.warehouse === warehouse && g.isBackordered === isBackordered);
		if (!group) {
			group = {
				orderNumber: String(Number(ref) + groups.length),
				warehouse,
				isBackordered,
				items: []
			};
			groups.push(group);
		}
		group.items.push({ sku: line.sku, quantity: line.quantity });
	}
	return groups;
}

/** One order_detail as the simulator reports it at virtual time `now`. */
export function orderDetailAt(
	order: SimOrder,
	groups: readonly WpsPlanGroup[],
	shipVia: string,
	now: Date
): Record<string, unknown>[] {
	const random = seededRandom(order.seed);
	const created = Date.parse(order.createdAt);
	const words = WPS_UNCONFIRMED.simStatusWord;
	return groups.map((group) => {
		// Draw everything for this group whatever the time, so later groups' draws never shift.
		const shipAfterHours = group.isBackordered ? 168 + random() * 72 : 4 + random() * 20;
		const carrier = carrierFor(shipVia, random);
		const boxes = random() < 0.25 ? 2 : 1;
		const tracking = Array.from({ length: boxes }, () => trackingNumber(carrier, random));
		const invoiceNumber = 7_000_000 + Math.floor(random() * 999_999);
		const shipAt = created + shipAfterHours * HOUR;
		const invoiceAt = shipAt + 24 * HOUR;
		const at = now.getTime();
		const isShipped = !order.cancelled && at >= shipAt;
		const isInvoiced = !order.cancelled && at >= invoiceAt;
		const status = order.cancelled
			? words.cancelled
			: isInvoiced
				? words.invoiced
				: isShipped
					? words.shipped
					: group.isBackordered
						? words.backordered
						: words.open;
		const subtotal = group.items.reduce((sum, i) => sum + i.quantity * costOf(order, i.sku), 0);
		return {
			order_number: group.orderNumber,
			order_status: status,
			// Strings, as the public SDK reads them (distributors.md §9).
			invoice_number: isInvoiced ? String(invoiceNumber) : null,
			freight: isShipped ? 9.95 : 0,
			misc_charges: 0,
			order_total: subtotal / 100 + (isShipped ? 9.95 : 0),
			warehouse: group.warehouse,
			order_date: day(created),
			ship_date: isShipped ? day(shipAt) : null,
			invoice_date: isInvoiced ? day(invoiceAt) : null,
			ship_via: isShipped && carrier === 'OnTrac' ? 'CO5' : shipVia,
			tracking_numbers: isShipped ? tracking : [],
			items: group.items.map((i) => ({
				sku: i.sku,
				order_quantity: i.quantity,
				ship_quantity: isShipped && !order.cancelled ? i.quantity : 0,
				backorder_quantity: group.isBackordered && !isShipped ? i.quantity : 0,
				price: costOf(order, i.sku) / 100
			}))
		};
	});
}

function carrierFor(shipVia: string, random: () => number): SimCarrier {
	if (shipVia.startsWith('UP')) return 'UPS';
	if (shipVia.startsWith('FE') || shipVia === 'AH2D') return 'FedEx';
	if (shipVia.startsWith('US')) return 'USPS';
	return pickCarrier(random, ['UPS', 'OnTrac', 'FedEx']);
}

function costOf(order: SimOrder, sku: string): number {
	return order.lines.find((l) => l.sku === sku)?.unitCostCents ?? 0;
}

function day(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}
