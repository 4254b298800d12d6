import { HttpResponse, type JsonBodyType } from 'msw';
import { US_STATES } from '$lib/domain/address';
import type { SimOrder, Simulator } from '$lib/simulator/simulator';
import { recordOrder } from '$lib/simulator/record-order';
import { TUCKER_NOTE_MAX, TUCKER_UNCONFIRMED } from './constants';
import { envelope, findItem, refuse, reply, SIM, stockOf } from './sim-common';
import { allocate, shipmentAt, type TrPlan } from './sim-plan';

interface TrSimState {
	plans: Record<string, TrPlan>;
}

const REQUIRED = ['name', 'address1', 'city', 'state', 'zip', 'po'] as const;

const state = (sim: Simulator) => sim.extra<TrSimState>('tucker', () => ({ plans: {} }));

/**
 * ORD (§8.3): `submit=NO` validates only and returns no order number; `allowduplicatepo=NO`
 * refuses a PO already used, naming the order; a card-less account is refused on submit; unknown
 * or unavailable items are refused per line, and an order with no good line is refused whole.
 */
export function ordAnswer(sim: Simulator, query: URLSearchParams): Response {
	const q = (name: string) => query.get(name)?.trim() ?? '';
	const missing = REQUIRED.find((f) => q(f) === '');
	if (missing) return refuse('ORD', SIM.missing(missing));
	const raw = query.getAll('line');
	if (raw.length === 0) return refuse('ORD', SIM.missing('line'));
	const lines = raw.map((text, lineIndex) => {
		const [item = '', qty = ''] = text.split(',');
		return { lineIndex, item: item.trim(), qty: Number(qty) };
	});
	const bad = lines.find((l) => l.item === '' || !Number.isInteger(l.qty) || l.qty <= 0);
	if (bad) return refuse('ORD', `Invalid line: ${raw[bad.lineIndex] ?? ''}`);
	const po = q('po');
	if (po.length > TUCKER_UNCONFIRMED.maxPoLength) {
		return refuse('ORD', SIM.tooLong('po', TUCKER_UNCONFIRMED.maxPoLength));
	}
	if (q('invoiceNote').length > TUCKER_NOTE_MAX) {
		return refuse('ORD', SIM.tooLong('invoiceNote', TUCKER_NOTE_MAX));
	}
	const isSubmit = q('submit').toUpperCase() === 'YES';
	const existing = sim.findOrder('tucker', po);
	if (q('allowduplicatepo').toUpperCase() !== 'YES') {
		if (existing) return refuse('ORD', SIM.duplicate(po, existing.ref));
		if (sim.hasFault('tucker', 'duplicate_po')) return refuse('ORD', SIM.duplicate(po));
	}
	if (isSubmit && sim.hasFault('tucker', 'account_not_set_up')) {
		return refuse('ORD', SIM.noCard(q('cust')));
	}
	const isStateKnown = (US_STATES as readonly string[]).includes(q('state').toUpperCase());
	if (sim.hasFault('tucker', 'invalid_address') || q('zip') === '00000' || !isStateKnown) {
		return refuse('ORD', SIM.invalidAddress);
	}
	const checked = lines.map((l) => {
		const offer = findItem(sim, l.item);
		const errormsg = !offer
			? SIM.unknownItem
			: sim.hasFault('tucker', 'out_of_stock')
				? SIM.notAvailable
				: '';
		return { ...l, offer, errormsg };
	});
	const orderline = (qtybo: (i: number) => number = () => 0): JsonBodyType[] =>
		checked.map((c) => ({
			itemnum: c.item,
			errormsg: c.errormsg,
			...(c.errormsg === '' ? { qtybo: String(qtybo(c.lineIndex)) } : {})
		}));
	if (checked.every((c) => c.errormsg !== '')) {
		return refuse('ORD', SIM.noLines, { orderinput: { orderline: orderline() } });
	}
	if (!isSubmit)
		return envelope('ORD', {
			status: 'SUCCESSFUL',
			orderoutput: { ordernum: '', orderline: orderline() }
		});

	const kept = checked.flatMap((c) =>
		c.offer && c.errormsg === ''
			? [{ lineIndex: c.lineIndex, sku: c.offer.sku, qty: c.qty, stock: stockOf(sim, c.offer) }]
			: []
	);
	const parts = allocate(kept, q('splitlines').toUpperCase() === 'YES');
	const order = record(sim, query, kept);
	state(sim).plans[order.ref] = { carrier: q('carrier') || 'UG', parts };
	sim.changed();
	// The order exists; only the answer goes missing.
	if (sim.hasFault('tucker', 'lost_response')) return HttpResponse.error();
	const backordered = (i: number) =>
		parts.filter((p) => p.lineIndex === i && p.isBackordered).reduce((s, p) => s + p.qty, 0);
	return reply(
		sim,
		'ORD',
		{ orderoutput: { ordernum: order.ref, orderline: orderline(backordered) } },
		{ orderoutput: { orderline: orderline(backordered) } }
	);
}

/** SHP (§8.3): one entry per known ordernum that has shipped something; unknown ones refused. */
export function shpAnswer(sim: Simulator, query: URLSearchParams): Response {
	const asked = query.getAll('ordernum').map((n) => n.trim());
	if (asked.length === 0) return refuse('SHP', SIM.missing('ordernum'));
	const orders = sim.orders('tucker').filter((o) => asked.includes(o.ref));
	if (orders.length === 0) return refuse('SHP', SIM.orderNotFound);
	const shipment = orders.flatMap((o) => {
		const plan = state(sim).plans[o.ref];
		const entry = plan ? shipmentAt(o, plan, sim.now()) : null;
		return entry === null ? [] : [entry];
	});
	return reply(sim, 'SHP', { shipment }, { shipment: [{ shipmentline: [] }] });
}

function record(
	sim: Simulator,
	query: URLSearchParams,
	kept: readonly { sku: string; qty: number }[]
): SimOrder {
	const q = (name: string) => query.get(name)?.trim() ?? '';
	return recordOrder(sim, {
		distributorId: 'tucker',
		poNumber: q('po'),
		refOf: (sequence) => String(7_000_000 + sequence),
		shipTo: {
			name: q('name'),
			line1: q('address1'),
			line2: q('address2'),
			city: q('city'),
			state: q('state'),
			postalCode: q('zip')
		},
		lines: kept.map((l) => ({ sku: l.sku, quantity: l.qty })),
		costOf: (sku) => findItem(sim, sku)?.costCents
	});
}
