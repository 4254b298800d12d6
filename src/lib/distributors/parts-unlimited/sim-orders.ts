import { http, HttpResponse, type RequestHandler } from 'msw';
import { z } from 'zod';
import type { SimOrder, Simulator } from '$lib/simulator/simulator';
import { recordOrder } from '$lib/simulator/record-order';
import { PU_BASE_URL, PU_STAGING_URL, PU_UNCONFIRMED } from './constants';
import { findPart, guard, puError, reply, stockOf, type PuSimOptions } from './sim-common';
import { allocateLine, orderAt, type PuPlanLine } from './sim-plan';

const SIM = PU_UNCONFIRMED.errors.sim;

interface PuSimState {
	plans: Record<string, { shipVia: string; lines: PuPlanLine[] }>;
}

/** What the simulated PU requires of an order body; anything else is refused like PU would. */
const OrderBody = z.object({
	// Dealer numbers in public code carry letters (KY1234) [distributors.md §9].
	dealer_number: z.string().regex(/^[A-Z0-9-]+$/i),
	order_type: z.literal('DS'),
	purchase_order_number: z.string().min(1).max(PU_UNCONFIRMED.maxPoLength),
	shipping_method: z.string(),
	cancellation_policy: z.string(),
	ship_to_address: z.object({
		name: z.string().min(1),
		address_line_1: z.string().min(1),
		city: z.string().min(1),
		state: z.string().length(2),
		postal_code: z.string().min(5),
		country: z.string()
	}),
	line_items: z
		.array(
			z.object({
				line_number: z.number().int(),
				part_number: z.string().min(1),
				quantity: z.number().int().positive()
			})
		)
		.min(1)
});
type OrderBody = z.infer<typeof OrderBody>;

/** Drop-ship create and the order list (distributors.md §8.2), on production and staging. */
export function orderHandlers(sim: Simulator, options: Required<PuSimOptions>): RequestHandler[] {
	const state = () => sim.extra<PuSimState>('pu', () => ({ plans: {} }));
	const business = (status_code: number, status_message: string) =>
		HttpResponse.json({ status_code, status_message });

	const create = async ({ request }: { request: Request }) => {
		const refused = await guard(sim, request, options);
		if (refused) return refused;
		const parsed = OrderBody.safeParse(await request.json().catch(() => null));
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			return business(400, `${issue?.path.join('.') ?? 'body'}: ${issue?.message ?? 'invalid'}`);
		}
		const body = parsed.data;
		const po = body.purchase_order_number;
		if (sim.hasFault('pu', 'account_not_set_up')) {
			return business(403, SIM.notEnabled(body.dealer_number));
		}
		const unknown = body.line_items.filter((l) => !findPart(sim, l.part_number));
		if (unknown.length > 0) {
			return HttpResponse.json({
				mainframeErrors: unknown.map((l) => ({ text: SIM.partNotFound(l.part_number) }))
			});
		}
		if (sim.hasFault('pu', 'invalid_address') || body.ship_to_address.postal_code === '00000') {
			return business(400, SIM.invalidAddress);
		}
		if (sim.hasFault('pu', 'duplicate_po') || sim.findOrder('pu', po)) {
			return business(409, SIM.duplicate(po));
		}
		const isBackorderAllowed =
			body.cancellation_policy === PU_UNCONFIRMED.cancellationPolicy.backorder;
		const plan = body.line_items.map((l) => {
			const offer = findPart(sim, l.part_number);
			const stock = offer ? stockOf(sim, offer) : {};
			return allocateLine(
				{ lineNumber: l.line_number, sku: l.part_number, quantity: l.quantity },
				stock
			);
		});
		const kept = plan.filter((l) => isBackorderAllowed || !l.isBackordered);
		if (kept.length === 0) return business(400, SIM.noStock);
		const order = record(sim, body, kept);
		state().plans[order.ref] = { shipVia: body.shipping_method, lines: kept };
		sim.changed();
		// The order exists; only the answer goes missing.
		if (sim.hasFault('pu', 'lost_response')) return HttpResponse.error();
		const total = order.lines.reduce((sum, l) => sum + l.quantity * l.unitCostCents, 0) / 100;
		return reply(
			sim,
			{
				// As integrations read it: a string status code, lines by part number [CODE S15, S18].
				status_code: '202',
				status_message: SIM.accepted,
				reference_number: order.ref,
				order_total: total,
				line_items: plan.map((l) => {
					const isKept = kept.includes(l);
					return {
						part_number: l.sku,
						ordered: { quantity: isKept && !l.isBackordered ? l.quantity : 0 },
						backordered: { quantity: isKept && l.isBackordered ? l.quantity : 0 },
						cancelled: { quantity: isKept ? 0 : l.quantity }
					};
				})
			},
			{ status_code: '202', status_message: SIM.accepted }
		);
	};

	const list =
		(startParam: string, endParam: string) =>
		async ({ request }: { request: Request }) => {
			const refused = await guard(sim, request, options);
			if (refused) return refused;
			const q = new URL(request.url).searchParams;
			const start = q.get(startParam);
			const end = q.get(endParam);
			if (!start || !end) return puError(400, `${startParam} and ${endParam} are required.`);
			const pageNum = Math.max(1, Number(q.get('page_num') ?? 1) || 1);
			const size = PU_UNCONFIRMED.listPageSize;
			const matching = sim.orders('pu').filter((o) => {
				const day = o.createdAt.slice(0, 10);
				return day >= start.slice(0, 10) && day <= end.slice(0, 10);
			});
			const orders = matching.slice((pageNum - 1) * size, pageNum * size).map((o) => {
				const plan = state().plans[o.ref];
				return orderAt(o, plan?.lines ?? [], plan?.shipVia ?? 'ground', sim.now());
			});
			const total_pages = Math.max(1, Math.ceil(matching.length / size));
			return reply(sim, { orders, page_num: pageNum, total_pages }, { orders: [{ id: 1 }] });
		};

	return [PU_BASE_URL, PU_STAGING_URL].flatMap((base) => [
		http.post(`${base}/orders/dropship`, create),
		http.post(`${base}/v2/orders/dropship`, create),
		http.get(`${base}/v2/orders/dropship`, list('order_date_start', 'order_date_end')),
		http.get(`${base}/orders/dropship`, list('date_start', 'date_end'))
	]);
}

function record(sim: Simulator, body: OrderBody, kept: readonly PuPlanLine[]): SimOrder {
	const a = body.ship_to_address;
	return recordOrder(sim, {
		distributorId: 'pu',
		poNumber: body.purchase_order_number,
		refOf: (sequence) => String(40_000_000 + sequence),
		shipTo: {
			name: a.name,
			line1: a.address_line_1,
			city: a.city,
			state: a.state,
			postalCode: a.postal_code
		},
		lines: kept,
		costOf: (sku) => findPart(sim, sku)?.costCents
	});
}
