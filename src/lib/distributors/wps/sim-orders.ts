import { z } from 'zod';
import { http, HttpResponse, type RequestHandler } from 'msw';
import type { SimOrder, Simulator } from '$lib/simulator/simulator';
import { recordOrder } from '$lib/simulator/record-order';
import { WPS_BASE_URL, WPS_LIMITS, WPS_UNCONFIRMED } from './constants';
import { guard, lacksOrderScope, reply, wpsError, type WpsSimOptions } from './sim-common';
import { allocate, orderDetailAt, type WpsPlanGroup } from './sim-plan';

const SIM = WPS_UNCONFIRMED.errors.sim;

interface SimCart {
	cartNumber: string;
	header: Record<string, unknown>;
	items: { item_sku: string; quantity: number; backorder_quantity: number }[];
}

interface WpsSimState {
	carts: Record<string, SimCart>;
	/** Allocation and ship_via per order ref, fixed at submit. */
	plans: Record<string, { shipVia: string; groups: WpsPlanGroup[] }>;
}

const HEADER_LIMITS: Record<string, number> = {
	po_number: 30,
	ship_name: WPS_LIMITS.shipName,
	ship_address1: WPS_LIMITS.shipAddress,
	ship_address2: WPS_LIMITS.shipAddress,
	ship_address3: WPS_LIMITS.shipAddress,
	ship_city: WPS_LIMITS.shipCity,
	ship_state: WPS_LIMITS.shipState,
	ship_zip: WPS_LIMITS.shipZip,
	ship_phone: WPS_LIMITS.shipPhone,
	email: WPS_LIMITS.email,
	comment1: WPS_LIMITS.comment,
	comment2: WPS_LIMITS.comment,
	description: WPS_LIMITS.comment
};

/** Carts, submit and order status of the simulated WPS (distributors.md §8.1). */
export function orderHandlers(sim: Simulator, options: Required<WpsSimOptions>): RequestHandler[] {
	const state = () => sim.extra<WpsSimState>('wps', () => ({ carts: {}, plans: {} }));
	const ordering = async (request: Request) =>
		(await guard(sim, request, options)) ??
		(lacksOrderScope(request) ? wpsError(403, SIM.noOrderScope) : undefined);

	return [
		http.post(`${WPS_BASE_URL}/carts`, async ({ request }) => {
			const refused = await ordering(request);
			if (refused) return refused;
			const body = await jsonObject(request);
			const po = typeof body.po_number === 'string' ? body.po_number.trim() : '';
			if (po === '')
				return wpsError(422, 'The given data was invalid.', { po_number: [required('po_number')] });
			for (const [field, max] of Object.entries(HEADER_LIMITS)) {
				const value = body[field];
				if (typeof value === 'string' && value.length > max) {
					return wpsError(422, 'The given data was invalid.', {
						[field]: [`The ${field.replace('_', ' ')} may not be greater than ${max} characters.`]
					});
				}
			}
			if (sim.hasFault('wps', 'duplicate_po') || state().carts[po]) {
				return wpsError(409, SIM.duplicateCart);
			}
			const cartNumber = String(sim.nextSequence());
			state().carts[po] = { cartNumber, header: body, items: [] };
			sim.changed();
			return reply(sim, {
				data: { cart_number: cartNumber, po_number: po, shipment_type: 'DROP SHIP' }
			});
		}),

		http.get(`${WPS_BASE_URL}/carts/:po`, async ({ request, params }) => {
			const refused = await ordering(request);
			if (refused) return refused;
			const cart = state().carts[String(params.po)];
			if (!cart) return wpsError(404, SIM.cartNotFound);
			return reply(sim, {
				data: {
					...cart.header,
					cart_number: cart.cartNumber,
					items: cart.items.map((i) => ({ item: i.item_sku, ...i }))
				}
			});
		}),

		http.delete(`${WPS_BASE_URL}/carts/:po`, async ({ request, params }) => {
			const refused = await ordering(request);
			if (refused) return refused;
			const po = String(params.po);
			if (!state().carts[po]) return wpsError(404, SIM.cartNotFound);
			delete state().carts[po];
			sim.changed();
			return new HttpResponse(null, { status: 204 });
		}),

		http.post(`${WPS_BASE_URL}/carts/:po/items`, async ({ request, params }) => {
			const refused = await ordering(request);
			if (refused) return refused;
			const cart = state().carts[String(params.po)];
			if (!cart) return wpsError(404, SIM.cartNotFound);
			const body = await jsonObject(request);
			const sku = typeof body.item_sku === 'string' ? body.item_sku : '';
			const quantity = typeof body.quantity === 'number' ? body.quantity : NaN;
			if (!Number.isInteger(quantity) || quantity < 1) {
				return wpsError(422, 'The given data was invalid.', { quantity: [required('quantity')] });
			}
			const offer = sim.hasFault('wps', 'unknown_sku') ? undefined : sim.catalog.lookup('wps', sku);
			if (!offer) return wpsError(404, SIM.itemNotFound);
			if ((WPS_UNCONFIRMED.unorderableStatuses as readonly string[]).includes(offer.status ?? '')) {
				return wpsError(422, SIM.noLongerAvailable, { item_sku: [SIM.noLongerAvailable] });
			}
			const available = sim.hasFault('wps', 'out_of_stock')
				? 0
				: Object.values(offer.stock).reduce((a, b) => a + b, 0);
			const short = Math.max(0, quantity - available);
			if (short > 0 && cart.header.allow_backorder === false) {
				return wpsError(422, SIM.insufficient, { quantity: [SIM.insufficient] });
			}
			const item = { item_sku: offer.sku, quantity, backorder_quantity: short };
			cart.items.push(item);
			sim.changed();
			return reply(sim, { data: item }, 201);
		}),

		http.post(`${WPS_BASE_URL}/orders`, async ({ request }) => {
			const refused = await ordering(request);
			if (refused) return refused;
			const body = await jsonObject(request);
			const po = typeof body.po_number === 'string' ? body.po_number : '';
			const cart = state().carts[po];
			if (!cart) return wpsError(404, SIM.cartNotFound);
			if (sim.hasFault('wps', 'account_not_set_up')) return wpsError(422, SIM.taxId);
			if (sim.hasFault('wps', 'invalid_address') || cart.header.ship_zip === '00000') {
				return wpsError(422, SIM.invalidAddress, { ship_zip: [SIM.invalidAddress] });
			}
			const order = submit(sim, po, cart);
			delete state().carts[po];
			state().plans[order.ref] = {
				shipVia: String(cart.header.ship_via ?? 'BEST'),
				groups: allocate(order.ref, order.lines, (sku) => sim.catalog.lookup('wps', sku), {
					...(typeof cart.header.default_warehouse === 'string'
						? { preferred: cart.header.default_warehouse }
						: {}),
					isOutOfStock: sim.hasFault('wps', 'out_of_stock')
				})
			};
			sim.changed();
			// The order exists; only the answer goes missing.
			if (sim.hasFault('wps', 'lost_response')) return HttpResponse.error();
			return reply(sim, { data: { order_number: order.ref } });
		}),

		http.get(`${WPS_BASE_URL}/orders/:po`, async ({ request, params }) => {
			const refused = await ordering(request);
			if (refused) return refused;
			const po = String(params.po);
			// WPS lets a PO be reused: every order under it shows up as order_details.
			const orders = sim.orders('wps').filter((o) => o.poNumber === po);
			const first = orders[0];
			if (!first) return wpsError(404, SIM.orderNotFound);
			return reply(sim, {
				data: poObject(
					first,
					orders.flatMap((o) => details(o))
				)
			});
		}),

		http.get(`${WPS_BASE_URL}/orders`, async ({ request }) => {
			const refused = await ordering(request);
			if (refused) return refused;
			const q = new URL(request.url).searchParams;
			const from = q.get('from_date');
			const to = q.get('to_date');
			if (!from || !to || !/^\d{8}$/.test(from) || !/^\d{8}$/.test(to)) {
				return wpsError(400, 'The from_date and to_date fields are required (YYYYMMDD).');
			}
			const inRange = sim.orders('wps').filter((o) => {
				const day = o.createdAt.slice(0, 10).replaceAll('-', '');
				return day >= from && day <= to;
			});
			return reply(sim, { data: inRange.map((o) => poObject(o, details(o))) });
		})
	];

	function details(order: SimOrder) {
		const plan = state().plans[order.ref];
		return plan ? orderDetailAt(order, plan.groups, plan.shipVia, sim.now()) : [];
	}
}

function submit(sim: Simulator, po: string, cart: SimCart): SimOrder {
	const shipTo = Object.fromEntries(
		Object.entries(cart.header).flatMap(([k, v]) =>
			k.startsWith('ship_') && typeof v === 'string' ? [[k, v]] : []
		)
	);
	return recordOrder(sim, {
		distributorId: 'wps',
		poNumber: po,
		refOf: (sequence) => String(6_100_000 + sequence * 10),
		shipTo,
		lines: cart.items.map((i) => ({ sku: i.item_sku, quantity: i.quantity })),
		costOf: (sku) => sim.catalog.lookup('wps', sku)?.costCents
	});
}

function poObject(order: SimOrder, orderDetails: Record<string, unknown>[]) {
	const s = order.shipTo;
	return {
		po_number: order.poNumber,
		ship_name: s.ship_name ?? '',
		ship_address: [s.ship_address1, s.ship_address2].filter(Boolean).join(' '),
		ship_city: s.ship_city ?? '',
		ship_state: s.ship_state ?? '',
		ship_zip: s.ship_zip ?? '',
		order_details: orderDetails
	};
}

const JsonObject = z.record(z.string(), z.unknown());

async function jsonObject(request: Request): Promise<Record<string, unknown>> {
	const body: unknown = await request.json().catch(() => null);
	const parsed = JsonObject.safeParse(body);
	return parsed.success ? parsed.data : {};
}

function required(field: string): string {
	return `The ${field.replace('_', ' ')} field is required.`;
}
