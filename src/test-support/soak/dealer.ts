import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Offer } from '$lib/domain/catalog';
import { DISTRIBUTOR_IDS } from '$lib/domain/distributor';
import { openQuantity } from '$lib/domain/fulfilment';
import type { NewOrderInput, Order, OrderItem } from '$lib/domain/order';
import type { PurchaseOrder } from '$lib/domain/purchase-order';
import type { Result } from '$lib/domain/result';
import type { DealerStep } from './steps';
import type { SoakTab } from './tab';
import type { SoakWorld } from './world';

/**
 * What the dealer does, through the worker API only, as the pages would call it. A call that
 * fails with a value is part of the story (the dealer reads the message and goes on); a thrown
 * error is a bug and goes up to the runner.
 */

const BUYERS = [
	'Heather Simmons',
	'Cody Walters',
	'Travis Holt',
	'Ann Lee',
	'Rosa Diaz',
	'Ike Moss'
];
const FEED_DIR = join(import.meta.dirname, '../../lib/feeds/fixtures');
const feedFiles = () =>
	['pu-BasePriceFile.csv', 'pu-12345_PriceFile.csv'].map((name) => ({
		name,
		data: new Uint8Array(readFileSync(join(FEED_DIR, name)))
	}));

export function buyerEmail(n: number): string {
	return `${(BUYERS[n % BUYERS.length] ?? 'buyer').split(' ')[0]?.toLowerCase()}@example.com`;
}

/** The store takes `n` new orders (1–3 items each, a few units of the soak's parts). */
export function storeTakesOrders(world: SoakWorld, n: number): NewOrderInput[] {
	const taken: NewOrderInput[] = [];
	for (let i = 0; i < n; i++) {
		const number = String(5000 + world.store.length);
		const b = Math.floor(world.random() * BUYERS.length);
		const itemCount = 1 + Math.floor(world.random() * 3);
		const skus = new Set<number>();
		while (skus.size < itemCount) skus.add(Math.floor(world.random() * world.products.length));
		const order: NewOrderInput = {
			number,
			createdAt: new Date(world.clock).toISOString(),
			buyer: { name: BUYERS[b] ?? 'Buyer', email: buyerEmail(b) },
			shipTo: {
				name: BUYERS[b] ?? 'Buyer',
				line1: `${100 + b} Main St`,
				city: 'Madison',
				state: 'WI',
				postalCode: '53703'
			},
			items: [...skus].map((p) => {
				const product = world.products[p];
				if (!product) throw new Error('no such product');
				return {
					title: product.title,
					sku: product.sku,
					quantity: 1 + Math.floor(world.random() * 3),
					unitPriceCents: product.priceCents
				};
			})
		};
		world.store.push(order);
		inShop(world, order);
		taken.push(order);
	}
	return taken;
}

/** The same order in the Shopify store's own records, where the storefront sync reads it. */
function inShop(world: SoakWorld, order: NewOrderInput): void {
	const shop = world.shop;
	shop.sequence += 1;
	const n = shop.sequence;
	shop.orders.push({
		n,
		number: Number(order.number),
		createdAt: order.createdAt ?? new Date(world.clock).toISOString(),
		updatedAt: order.createdAt ?? new Date(world.clock).toISOString(),
		name: order.buyer.name,
		email: order.buyer.email,
		address: {
			line1: order.shipTo.line1,
			city: order.shipTo.city,
			state: order.shipTo.state,
			zip: order.shipTo.postalCode
		},
		lines: order.items.map((item, i) => ({
			n: n * 10 + i,
			sku: item.sku,
			title: item.title,
			vendor: 'Moose Racing',
			quantity: item.quantity,
			priceCents: item.unitPriceCents
		})),
		isPaid: true,
		cancelledAt: null,
		wooStatus: 'processing',
		fulfillments: [],
		notes: []
	});
	world.sim.changed();
}

interface OpenItem {
	order: Order;
	item: OrderItem;
	open: number;
}

async function openItems(tab: SoakTab): Promise<OpenItem[]> {
	const { db } = tab.deps;
	const [orders, items, pos, lines] = await Promise.all([
		db.orders.toArray(),
		db.orderItems.toArray(),
		db.purchaseOrders.toArray(),
		db.poLines.toArray()
	]);
	const byId = new Map(orders.map((o) => [o.id, o]));
	return (
		items
			.flatMap((item) => {
				const order = byId.get(item.orderId);
				if (!order) return [];
				const mine = pos.filter((p) => p.orderId === order.id);
				return [{ order, item, open: openQuantity(item, mine, lines) }];
			})
			.filter((o) => o.open > 0)
			// In the order the store took them (order ids come from a hash of the number, so they
			// say nothing about order).
			.sort((a, b) => a.order.number.localeCompare(b.order.number) || a.item.lineNo - b.item.lineNo)
	);
}

const by = <T>(list: readonly T[], n: number): T | undefined =>
	list.length === 0 ? undefined : list[n % list.length];

async function posIn(tab: SoakTab, states: readonly string[]): Promise<PurchaseOrder[]> {
	const pos = await tab.deps.db.purchaseOrders.where('state').anyOf(states).toArray();
	return pos.sort((a, b) => a.poNumber.localeCompare(b.poNumber));
}

function offersFor(world: SoakWorld, sku: string): Offer[] {
	return world.products.find((p) => p.sku === sku)?.offers ?? [];
}

/** The distributor the dealer picks for an item: the `dist`-th one carrying it. */
function choose(world: SoakWorld, item: OrderItem, dist: number): Offer | undefined {
	return by(offersFor(world, item.sku), dist);
}

const line = (item: OrderItem, offer: Offer, quantity: number) => ({
	orderItemId: item.id,
	sku: offer.sku,
	quantity,
	unitCostCents: offer.costCents
});

/** Runs one dealer step in a tab; returns the results it got (for the history). */
export async function runDealerStep(
	world: SoakWorld,
	tab: SoakTab,
	step: DealerStep
): Promise<Result<unknown>[]> {
	const api = tab.api;
	switch (step.k) {
		case 'orders': {
			const taken = storeTakesOrders(world, step.n);
			if (step.byHand) return Promise.all(taken.map((o) => api.orders.create(o)));
			// The store's export of the last three days: overlaps what was imported before.
			const since = world.clock - 3 * 86_400_000;
			const recent = world.store.filter((o) => Date.parse(o.createdAt ?? '') >= since);
			return [
				await api.orders.importFile({ fileName: 'orders.json', text: JSON.stringify(recent) })
			];
		}
		case 'storeSync': {
			// The web store takes orders; the dealer's app pulls them in (and tells the store of
			// shipments) through the storefront sync.
			storeTakesOrders(world, step.n);
			return [await api.storefront.sync({})];
		}
		case 'dropship': {
			const open = by(await openItems(tab), step.pick);
			if (!open) return [];
			const offer = choose(world, open.item, step.dist);
			if (!offer) return [];
			const base = {
				orderId: open.order.id,
				distributorId: offer.distributorId,
				shipTo: open.order.shipTo
			};
			if (step.split && open.open >= 2) {
				// Half here, the rest at the next distributor carrying it (or here again).
				const other = choose(world, open.item, step.dist + 1) ?? offer;
				const half = Math.floor(open.open / 2);
				const first = await api.purchaseOrders.place({
					...base,
					lines: [line(open.item, offer, half)]
				});
				const second = await api.purchaseOrders.place({
					...base,
					distributorId: other.distributorId,
					lines: [line(open.item, other, open.open - half)]
				});
				return [first, second];
			}
			const lines = [line(open.item, offer, open.open)];
			if (step.whole) {
				// Every other open item of the order this distributor carries goes on the same PO.
				for (const more of await openItems(tab)) {
					if (more.order.id !== open.order.id || more.item.id === open.item.id) continue;
					const alsoHere = offersFor(world, more.item.sku).find(
						(o) => o.distributorId === offer.distributorId
					);
					if (alsoHere) lines.push(line(more.item, alsoHere, more.open));
				}
			}
			return [await api.purchaseOrders.place({ ...base, lines })];
		}
		case 'manual': {
			const open = by(await openItems(tab), step.pick);
			const offer = open && choose(world, open.item, step.dist);
			if (!open || !offer) return [];
			return [
				await api.purchaseOrders.recordManual({
					orderId: open.order.id,
					distributorId: offer.distributorId,
					distributorOrderNumber: `PORTAL-${world.newId()}`,
					shipTo: open.order.shipTo,
					lines: [line(open.item, offer, open.open)]
				})
			];
		}
		case 'retry': {
			const po = by(await posIn(tab, ['failed', 'unknown']), step.pick);
			return po ? [await api.purchaseOrders.retry({ poId: po.id })] : [];
		}
		case 'cancelWaiting': {
			const po = by(await posIn(tab, ['queued']), step.pick);
			return po ? [await api.purchaseOrders.cancelWaiting({ poId: po.id })] : [];
		}
		case 'cancel': {
			const po = by(
				await posIn(tab, ['submitted', 'confirmed', 'needs_attention', 'unknown', 'failed']),
				step.pick
			);
			if (!po || po.isManual) return [];
			const asked = await api.purchaseOrders.requestCancel({ poId: po.id });
			if (!asked.ok) return [asked];
			const outcome = step.isConfirmed ? 'confirmed' : 'refused';
			// The distributor agreed on the phone: it cancels its order before the dealer records it.
			const held = world.sim.findOrder(po.distributorId, po.poNumber);
			if (held && step.isConfirmed) {
				held.cancelled = true;
				world.sim.changed();
			}
			return [asked, await api.purchaseOrders.decideCancel({ poId: po.id, outcome })];
		}
		case 'offline': {
			const set = await api.system.setOnline({ isOnline: step.isOnline });
			return step.isOnline ? [set, await api.purchaseOrders.sendWaiting({})] : [set];
		}
		case 'tracking':
			return [await api.tracking.refresh({})];
		case 'sendMail': {
			const results: Result<unknown>[] = [await api.mail.sendQueued({})];
			if (step.resendFailed) {
				for (const email of await tab.deps.db.outbox.where('state').equals('failed').toArray())
					results.push(await api.mail.sendOne({ emailId: email.id }));
			}
			return results;
		}
		case 'feed': {
			const runId = world.newId();
			const imported = await api.catalog.importFeed({
				runId,
				layout: 'pu',
				distributorId: 'pu',
				files: feedFiles()
			});
			return [imported, await api.catalog.confirmImport({ runId })];
		}
		case 'reload':
			return [];
	}
}

/** What the app does when a tab opens (BackgroundWork.start and the `online` event). */
export async function startUp(tab: SoakTab): Promise<Result<unknown>[]> {
	return [
		await tab.api.purchaseOrders.resumeAfterRestart({}),
		await tab.api.mail.resumeAfterRestart({}),
		await tab.api.purchaseOrders.sendWaiting({}),
		await tab.api.tracking.refresh({ unlessCheckedWithinMs: 2 * 60_000 }),
		await tab.api.storefront.sync({ unlessSyncedWithinMs: 2 * 60_000 })
	];
}

export const DISTRIBUTOR_COUNT = DISTRIBUTOR_IDS.length;
