import type { DropshipDb } from '$lib/db/schema';
import { normalizeAddress } from '$lib/domain/outbox';
import { nextPoState, PO_EVENT_TYPES } from '$lib/domain/po-state';
import { PoState, type PurchaseOrder } from '$lib/domain/purchase-order';
import { emailKey } from '../../lib/worker/tracking/apply';
import type { SimFulfillment } from '$lib/storefronts/sim-store';
import type { Shipment } from '$lib/domain/purchase-order';
import type { SoakWorld } from './world';

/**
 * The soak's invariants. Each finding names its invariant and its subject (a PO, an item, an
 * email), so a break counted once stays one break however many steps it outlives.
 */
export const INVARIANTS = [
	'double_order',
	'over_ordered',
	'po_lost',
	'po_state',
	'po_transitional',
	'po_disagrees',
	'email_doubled',
	'email_lost',
	'email_to_suppressed',
	'store_push_doubled',
	'store_push_lost',
	'store_order',
	'backup_restore',
	'secret_leak',
	'api_threw'
] as const;
export type Invariant = (typeof INVARIANTS)[number];

export interface Finding {
	invariant: Invariant;
	subject: string;
	detail: string;
}

/** Whether some event of the machine takes `from` to `to`. */
export function isAllowedMove(from: PoState, to: PoState): boolean {
	return from === to || PO_EVENT_TYPES.some((type) => nextPoState(from, type) === to);
}

const LIVE_AT_DISTRIBUTOR = new Set([
	'submitting',
	'submitted',
	'confirmed',
	'unknown',
	'reconciling',
	'needs_attention'
]);

async function read(db: DropshipDb) {
	const [orders, items, pos, lines, shipments, outbox, suppressions, pushes] = await Promise.all([
		db.orders.toArray(),
		db.orderItems.toArray(),
		db.purchaseOrders.toArray(),
		db.poLines.toArray(),
		db.shipments.toArray(),
		db.outbox.toArray(),
		db.suppressions.toArray(),
		db.storePushes.toArray()
	]);
	return { orders, items, pos, lines, shipments, outbox, suppressions, pushes };
}

/**
 * The invariants that hold after every step. `isQuiet`: the run has settled (faults off, the app
 * reopened, a few rounds done), so nothing may be left half-way and nothing may be missing.
 */
export async function checkInvariants(
	world: SoakWorld,
	db: DropshipDb,
	isQuiet: boolean
): Promise<Finding[]> {
	const found: Finding[] = [];
	const add = (invariant: Invariant, subject: string, detail: string) =>
		found.push({ invariant, subject, detail });
	const s = await read(db);
	const poByNumber = new Map(s.pos.map((p) => [p.poNumber, p]));

	// What the distributors hold, against what we hold.
	const ordered = new Map<string, number>();
	const seen = new Map<string, number>();
	for (const id of ['wps', 'pu', 'tucker', 'automatic'] as const) {
		for (const held of world.sim.orders(id)) {
			const key = `${id}:${held.poNumber}`;
			seen.set(held.poNumber, (seen.get(held.poNumber) ?? 0) + 1);
			if (world.sim.countOrders(id, held.poNumber) > 1)
				add('double_order', key, 'two orders for one PO');
			const po = poByNumber.get(held.poNumber);
			if (!po) {
				add('po_lost', key, `the distributor holds PO ${held.poNumber}; we have no record of it`);
				continue;
			}
			if (held.cancelled) continue;
			if (isQuiet && !LIVE_AT_DISTRIBUTOR.has(po.state))
				add('po_disagrees', key, `the distributor holds it, but we say ${po.state}`);
			const poLines = s.lines.filter((l) => l.poId === po.id);
			for (const line of held.lines) {
				const mine = poLines.find((l) => l.sku.toUpperCase() === line.sku.toUpperCase());
				if (!mine) {
					add('over_ordered', key, `${line.sku} is on the distributor's order, not on our PO`);
					continue;
				}
				if (line.quantity > mine.quantity)
					add(
						'over_ordered',
						key,
						`${line.quantity} × ${line.sku} ordered, PO says ${mine.quantity}`
					);
				ordered.set(mine.orderItemId, (ordered.get(mine.orderItemId) ?? 0) + line.quantity);
			}
		}
	}
	for (const [poNumber, count] of seen)
		if (count > 1)
			add('double_order', poNumber, `the distributors hold PO ${poNumber} ${count} times`);
	// Orders the dealer placed in a distributor's portal count as ordered too.
	for (const po of s.pos.filter((p) => p.isManual && p.state !== 'cancelled'))
		for (const l of s.lines.filter((l) => l.poId === po.id))
			ordered.set(l.orderItemId, (ordered.get(l.orderItemId) ?? 0) + l.quantity);
	// What reached the buyer counts too, a cancelled PO's parcels included: nothing is shipped twice.
	const shipped = new Map<string, number>();
	for (const shipment of s.shipments)
		for (const l of shipment.lines) {
			const line = s.lines.find(
				(pl) => pl.poId === shipment.poId && pl.sku.toUpperCase() === l.sku.toUpperCase()
			);
			if (line) shipped.set(line.orderItemId, (shipped.get(line.orderItemId) ?? 0) + l.quantity);
		}
	for (const item of s.items) {
		const qty = ordered.get(item.id) ?? 0;
		if (qty > item.quantity)
			add('over_ordered', item.id, `${qty} ordered of ${item.quantity} × ${item.sku}`);
		const sent = shipped.get(item.id) ?? 0;
		if (sent > item.quantity)
			add(
				'over_ordered',
				`${item.id}:shipped`,
				`${sent} shipped of ${item.quantity} × ${item.sku}`
			);
	}

	for (const po of s.pos) checkPoStates(po, isQuiet, add);

	// Store orders: each once; once quiet, every one here.
	const numbers = new Map<string, number>();
	for (const o of s.orders) numbers.set(o.number, (numbers.get(o.number) ?? 0) + 1);
	for (const [number, count] of numbers)
		if (count > 1) add('store_order', number, `order ${number} is here ${count} times`);
	if (isQuiet)
		for (const o of world.store)
			if (!numbers.has(o.number)) add('store_order', o.number, `order ${o.number} never arrived`);

	checkEmails(world, s, isQuiet, add);
	checkStore(world, s, isQuiet, add);

	// Canaries: the audit rows written since the last check after every step; once quiet, every
	// table but the accounts themselves.
	const tables = isQuiet ? db.tables.filter((t) => t.name !== 'distributors') : [];
	const fresh = await db.auditLog.where('seq').above(world.auditSeen).toArray();
	world.auditSeen = fresh.reduce((max, row) => Math.max(max, row.seq ?? 0), world.auditSeen);
	const texts: [string, string][] = [['auditLog', JSON.stringify(fresh)]];
	for (const table of tables) texts.push([table.name, JSON.stringify(await table.toArray())]);
	for (const [name, text] of texts)
		for (const canary of world.canaries)
			if (text.includes(canary)) add('secret_leak', `${name}:${canary}`, `a secret is in ${name}`);
	return found;
}

function checkPoStates(
	po: PurchaseOrder,
	isQuiet: boolean,
	add: (i: Invariant, s: string, d: string) => void
): void {
	if (!PoState.safeParse(po.state).success)
		add('po_state', po.poNumber, `unknown state ${po.state}`);
	const states = po.history.map((h) => h.state);
	for (let i = 1; i < states.length; i++) {
		const from = states[i - 1] as PoState;
		const to = states[i] as PoState;
		if (!isAllowedMove(from, to))
			add('po_state', `${po.poNumber}:${from}>${to}`, `moved ${from} → ${to}`);
	}
	if (states.at(-1) !== undefined && states.at(-1) !== po.state)
		add(
			'po_state',
			`${po.poNumber}:history`,
			`history ends ${states.at(-1)}, state is ${po.state}`
		);
	if (isQuiet && ['submitting', 'reconciling', 'unknown'].includes(po.state))
		add('po_transitional', po.poNumber, `still ${po.state} once quiet`);
}

function checkEmails(
	world: SoakWorld,
	s: Awaited<ReturnType<typeof read>>,
	isQuiet: boolean,
	add: (i: Invariant, s: string, d: string) => void
): void {
	const byId = new Map(s.outbox.map((e) => [e.id, e]));
	const perKey = new Map<string, number>();
	for (const d of world.mail.deliveries) {
		const email = byId.get(d.key);
		const key = email?.dedupeKey ?? `unknown:${d.key}`;
		perKey.set(key, (perKey.get(key) ?? 0) + 1);
	}
	for (const [key, count] of perKey)
		if (count > 1) add('email_doubled', key, `${count} emails for shipment ${key}`);
	// A shipment of a store order may be told by the store instead: one or the other, once.
	const byTracking = storeFulfilments(world);
	const notices = (shipment: Shipment) =>
		fulfilmentsOf(byTracking, shipment).filter((f) => f.notifyCustomer).length;
	for (const shipment of s.shipments) {
		const told = notices(shipment);
		if (told === 0) continue;
		const order = s.orders.find((o) => o.id === s.pos.find((p) => p.id === shipment.poId)?.orderId);
		const key = order ? emailKey(order.id, shipment) : shipment.id;
		const emails = perKey.get(key) ?? 0;
		if (told + emails > 1)
			add(
				'email_doubled',
				key,
				`the buyer was told ${told} times by the store, ${emails} by email`
			);
	}
	for (const a of world.mail.attempts) {
		const suppression = s.suppressions.find((x) => x.address === normalizeAddress(a.to));
		if (suppression && Date.parse(suppression.at) < a.at && suppression.emailId !== a.key)
			add('email_to_suppressed', `${a.to}:${a.key}`, `mailed ${a.to} after it bounced`);
	}
	if (isQuiet) {
		const pos = new Map(s.pos.map((p) => [p.id, p]));
		for (const shipment of s.shipments) {
			const po = pos.get(shipment.poId);
			if (!po || shipment.trackingNumbers.length === 0) continue;
			const order = s.orders.find((o) => o.id === po.orderId);
			if (!order || world.mail.bouncing.has(normalizeAddress(order.buyer.email))) continue;
			const key = emailKey(order.id, shipment);
			if ((perKey.get(key) ?? 0) + notices(shipment) === 0) {
				const email = s.outbox.find((e) => e.dedupeKey === key);
				add(
					'email_lost',
					key,
					`no email for shipment ${key} (${email ? email.state : 'none queued'})`
				);
			}
		}
	}
	if (isQuiet)
		for (const e of s.outbox)
			if (e.state === 'sending')
				add('po_transitional', `email:${e.id}`, 'an email still sending once quiet');
}

/** What the store holds: its fulfilments by tracking number (upper-cased). */
function storeFulfilments(world: SoakWorld): Map<string, SimFulfillment[]> {
	const byTracking = new Map<string, SimFulfillment[]>();
	for (const order of world.shop.orders)
		for (const f of order.fulfillments)
			for (const n of f.numbers) {
				const key = n.toUpperCase();
				byTracking.set(key, [...(byTracking.get(key) ?? []), f]);
			}
	return byTracking;
}

function fulfilmentsOf(byTracking: Map<string, SimFulfillment[]>, shipment: Shipment) {
	return [
		...new Set(shipment.trackingNumbers.flatMap((n) => byTracking.get(n.toUpperCase()) ?? []))
	];
}

/**
 * The store is told of each shipment of its orders once: one fulfilment per shipment, never two;
 * once quiet, every update queued for it has gone and the store shows it.
 */
function checkStore(
	world: SoakWorld,
	s: Awaited<ReturnType<typeof read>>,
	isQuiet: boolean,
	add: (i: Invariant, s: string, d: string) => void
): void {
	const byTracking = storeFulfilments(world);
	for (const shipment of s.shipments) {
		const count = fulfilmentsOf(byTracking, shipment).length;
		if (count > 1)
			add(
				'store_push_doubled',
				shipment.id,
				`the store shows shipment ${shipment.id} ${count} times`
			);
	}
	if (!isQuiet) return;
	for (const push of s.pushes) {
		const shipment = s.shipments.find((x) => x.id === push.shipmentId);
		const isShown = shipment !== undefined && fulfilmentsOf(byTracking, shipment).length > 0;
		if (push.state !== 'done' || !isShown)
			add(
				'store_push_lost',
				push.id,
				`the store was never shown shipment ${push.shipmentId} (${push.state}${push.lastError ? `: ${push.lastError}` : ''})`
			);
	}
}
