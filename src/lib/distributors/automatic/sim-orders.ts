import { http, HttpResponse, type RequestHandler } from 'msw';
import { z } from 'zod';
import type { SimOrder, Simulator } from '$lib/simulator/simulator';
import { recordOrder } from '$lib/simulator/record-order';
import { AUTOMATIC_MAX_LOOKUP_DAYS, AUTOMATIC_MAX_PO, AUTOMATIC_UNCONFIRMED } from './constants';
import {
	adError,
	findSku,
	guard,
	isCarbRestricted,
	reply,
	SIM,
	stockOf,
	type AutomaticSimOptions
} from './sim-common';
import { generationsAt, type AdPlan, type AdPlanLine } from './sim-plan';

interface AdSimState {
	plans: Record<string, AdPlan>;
}

/** What the simulated Automatic requires of an order (shape invented, §8.4). */
const CreateBody = z.object({
	header: z.object({
		ponumber: z.string(),
		shipVia: z.string().min(1),
		allowBackorder: z.boolean().default(true),
		notes: z.string().max(AUTOMATIC_UNCONFIRMED.maxNoteLength).optional()
	}),
	shipToAddress: z.object({
		name: z.string().min(1),
		address1: z.string().min(1),
		city: z.string().min(1),
		state: z.string().length(2),
		zip: z.string().min(5),
		country: z.string(),
		classification: z.string().optional()
	}),
	lines: z
		.array(
			z.object({
				lineNumber: z.number().int(),
				sku: z.string().min(1),
				quantity: z.number().int().positive()
			})
		)
		.min(1)
});
type CreateBody = z.infer<typeof CreateBody>;

const PRINTABLE_PO = new RegExp(`^[\\x20-\\x7e]{1,${AUTOMATIC_MAX_PO}}$`);
const DAY = 86_400_000;

/** Order create, lookup by PO (≤ 365-day window) and the flag-guarded revoke. */
export function orderHandlers(
	sim: Simulator,
	base: string,
	options: Required<AutomaticSimOptions>
): RequestHandler[] {
	const state = () => sim.extra<AdSimState>('automatic', () => ({ plans: {} }));
	const P = AUTOMATIC_UNCONFIRMED.paths;

	const create = async ({ request }: { request: Request }) => {
		const refused = await guard(sim, request, options);
		if (refused) return refused;
		const parsed = CreateBody.safeParse(await request.json().catch(() => null));
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			const field = issue?.path.join('.') ?? 'body';
			return adError(400, 'BAD_REQUEST', SIM.badRequest(`${field} ${issue?.message ?? ''}`), field);
		}
		const body = parsed.data;
		const po = body.header.ponumber;
		if (!PRINTABLE_PO.test(po)) return adError(400, 'PO_INVALID', SIM.poInvalid, 'header.ponumber');
		if (sim.hasFault('automatic', 'account_not_set_up')) {
			return adError(403, 'ACCOUNT_HOLD', SIM.accountHold);
		}
		if (sim.hasFault('automatic', 'duplicate_po') || sim.findOrder('automatic', po)) {
			return adError(409, 'DUPLICATE_PO', SIM.duplicate(po), 'header.ponumber');
		}
		if (sim.hasFault('automatic', 'invalid_address') || body.shipToAddress.zip === '00000') {
			return adError(422, 'INVALID_ADDRESS', SIM.invalidAddress, 'shipToAddress.zip');
		}
		const lines = body.lines.map((l, index) => ({ ...l, index, offer: findSku(sim, l.sku) }));
		if (lines.every((l) => !l.offer)) {
			return adError(422, 'UNKNOWN_SKU', SIM.unknownSku(body.lines[0]?.sku ?? ''), 'lines[0].sku');
		}
		const isCarbState = (SIM.carbStates as readonly string[]).includes(body.shipToAddress.state);
		const carb = lines.find((l) => l.offer && isCarbState && isCarbRestricted(l.offer));
		if (carb) {
			return adError(422, 'CARB_RESTRICTED', SIM.carb(carb.sku), `lines[${carb.index}].sku`);
		}
		const planned = lines.map((l) => {
			const stock = l.offer ? Object.entries(stockOf(sim, l.offer)) : [];
			const best = stock.sort((a, b) => b[1] - a[1])[0];
			const isBackordered = (best?.[1] ?? 0) < l.quantity;
			const isRejected = !l.offer || (isBackordered && !body.header.allowBackorder);
			return { ...l, warehouse: best?.[0] ?? 'MAIN', isBackordered, isRejected };
		});
		const kept = planned.filter((l) => !l.isRejected);
		if (kept.length === 0) return adError(422, 'OUT_OF_STOCK', SIM.outOfStock, 'lines');
		const planLines: AdPlanLine[] = kept.map((l) => ({
			sku: l.offer?.sku ?? l.sku,
			quantity: l.quantity,
			warehouse: l.warehouse,
			isBackordered: l.isBackordered
		}));
		const order = record(sim, body, planLines);
		state().plans[order.ref] = { shipVia: body.header.shipVia, lines: planLines };
		sim.changed();
		// The order exists; only the answer goes missing.
		if (sim.hasFault('automatic', 'lost_response')) return HttpResponse.error();
		return reply(
			sim,
			{
				header: { ponumber: po, orderNumber: order.ref, orderGenerationNumber: '00' },
				lines: planned.map((l) => ({
					lineNumber: l.lineNumber,
					sku: l.sku,
					quantityOrdered: l.quantity,
					quantityBackordered: !l.isRejected && l.isBackordered ? l.quantity : 0,
					status: l.isRejected ? 'REJECTED' : l.isBackordered ? 'BACKORDERED' : 'ACCEPTED',
					...(l.isRejected ? { message: l.offer ? SIM.outOfStock : SIM.unknownSku(l.sku) } : {})
				}))
			},
			{ header: { ponumber: po } }
		);
	};

	const lookup = async ({ request }: { request: Request }) => {
		const refused = await guard(sim, request, options);
		if (refused) return refused;
		const q = new URL(request.url).searchParams;
		const po = q.get('ponumber') ?? '';
		const window = readWindow(q);
		if (po === '' || window === null) {
			return adError(400, 'BAD_REQUEST', SIM.badRequest('ponumber, startDate and endDate'));
		}
		if (window.end - window.start > AUTOMATIC_MAX_LOOKUP_DAYS * DAY) {
			return adError(400, 'RANGE_TOO_LARGE', SIM.rangeTooLarge, 'startDate');
		}
		const orders = sim
			.orders('automatic')
			.filter((o) => o.poNumber === po && isInWindow(o, window))
			.flatMap((o) => {
				const plan = state().plans[o.ref];
				return plan ? generationsAt(o, plan, sim.now()) : [];
			});
		return reply(sim, { orders }, { orders: [{ header: { ponumber: po } }] });
	};

	/** The (invented) range endpoint: every generation placed in the window, tracking and PRO in one field. */
	const range = async ({ request }: { request: Request }) => {
		if (!options.hasRange) return adError(404, 'NOT_FOUND', 'Not found.');
		const refused = await guard(sim, request, options);
		if (refused) return refused;
		const q = new URL(request.url).searchParams;
		const window = readWindow(q);
		if (window === null)
			return adError(400, 'BAD_REQUEST', SIM.badRequest('startDate and endDate'));
		if (window.end - window.start > AUTOMATIC_MAX_LOOKUP_DAYS * DAY) {
			return adError(400, 'RANGE_TOO_LARGE', SIM.rangeTooLarge, 'startDate');
		}
		const orders = sim
			.orders('automatic')
			.filter((o) => isInWindow(o, window))
			.flatMap((o) => {
				const plan = state().plans[o.ref];
				return plan ? generationsAt(o, plan, sim.now(), 'range') : [];
			});
		return reply(sim, { orders }, { orders: [{ header: {} }] });
	};

	const revoke = async ({ request }: { request: Request }) => {
		if (!options.canRevoke) return adError(404, 'NOT_FOUND', 'Not found.');
		const refused = await guard(sim, request, options);
		if (refused) return refused;
		const body = z
			.object({ ponumber: z.string().min(1) })
			.safeParse(await request.json().catch(() => null));
		if (!body.success) return adError(400, 'BAD_REQUEST', SIM.badRequest('ponumber'), 'ponumber');
		const open = sim
			.orders('automatic')
			.filter((o) => o.poNumber === body.data.ponumber && !o.cancelled);
		for (const o of open) o.cancelled = true;
		sim.changed();
		return reply(sim, { header: { ponumber: body.data.ponumber }, revoked: open.length }, {});
	};

	return [
		http.post(`${base}${P.create}`, create),
		http.get(`${base}${P.lookup}`, lookup),
		http.get(`${base}${P.range}`, range),
		http.post(`${base}${P.revoke}`, revoke)
	];
}

/** `startDate`…`endDate` (YYYY-MM-DD, both days included), or null when missing or reversed. */
function readWindow(q: URLSearchParams): { start: number; end: number } | null {
	const start = Date.parse(`${q.get('startDate') ?? ''}T00:00:00Z`);
	const end = Date.parse(`${q.get('endDate') ?? ''}T00:00:00Z`);
	return Number.isNaN(start) || Number.isNaN(end) || end < start ? null : { start, end };
}

function isInWindow(order: SimOrder, window: { start: number; end: number }): boolean {
	const at = Date.parse(order.createdAt);
	return at >= window.start && at < window.end + DAY;
}

function record(sim: Simulator, body: CreateBody, lines: readonly AdPlanLine[]): SimOrder {
	const a = body.shipToAddress;
	return recordOrder(sim, {
		distributorId: 'automatic',
		poNumber: body.header.ponumber,
		refOf: (sequence) => `S${String(500_000 + sequence).padStart(7, '0')}`,
		shipTo: { name: a.name, line1: a.address1, city: a.city, state: a.state, postalCode: a.zip },
		lines,
		costOf: (sku) => sim.catalog.lookup('automatic', sku)?.costCents
	});
}
