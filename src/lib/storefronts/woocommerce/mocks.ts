import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import { centsToDecimal } from '$lib/domain/money';
import type { Simulator } from '$lib/simulator/simulator';
import {
	catchUpArrivals,
	countCall,
	remainingQuantity,
	storeState,
	type SimStore,
	type SimStoreOrder
} from '../sim-store';

export interface WooSimOptions {
	arrivalsPerDay?: number;
	/** Seconds a refused client is asked to wait (the host's own limit; core has none). */
	retryAfterSeconds?: number;
}

/** Obviously fake keys only. */
const isDemoKey = (authorization: string) => {
	const [key, secret] = atob(authorization.replace(/^Basic /, '')).split(':');
	return /^ck_demo/.test(key ?? '') && /^cs_demo/.test(secret ?? '');
};

const gmt = (iso: string) => iso.replace(/\.\d{3}Z$/, '');

function wooError(status: number, code: string, message: string, headers?: Record<string, string>) {
	return HttpResponse.json({ code, message, data: { status } }, { status, headers });
}

function orderJson(order: SimStoreOrder) {
	const [first, ...rest] = order.name.split(' ');
	const party = {
		first_name: first ?? '',
		last_name: rest.join(' '),
		company: '',
		address_1: order.address.line1,
		address_2: '',
		city: order.address.city,
		state: order.address.state,
		postcode: order.address.zip,
		country: 'US'
	};
	return {
		id: order.n,
		number: String(order.number),
		status: order.wooStatus,
		currency: 'USD',
		date_created_gmt: gmt(order.createdAt),
		date_modified_gmt: gmt(order.updatedAt),
		billing: { ...party, email: order.email, phone: '' },
		shipping: { ...party, phone: '' },
		line_items: order.lines.map((line) => ({
			id: line.n,
			name: line.title,
			sku: line.sku,
			quantity: line.quantity,
			price: Number(centsToDecimal(line.priceCents)),
			subtotal: centsToDecimal(line.priceCents * line.quantity)
		}))
	};
}

/**
 * The simulated WooCommerce REST API v3 on any https host (the store lives on the dealer's own
 * domain): Basic auth with demo keys, `status`/`modified_after`/`per_page`/`page` with
 * X-WP-Total and X-WP-TotalPages, order notes (a customer note emails the buyer), `completed`
 * (the Completed order email), and 429 with Retry-After when the `refuseAfterCalls` fault is on.
 */
export function wooHandlers(sim: Simulator, options: WooSimOptions = {}): RequestHandler[] {
	const base = 'https://:host/wp-json/wc/v3';
	const store = () => storeState(sim, 'woocommerce');
	const find = (id: unknown) => store().orders.find((o) => o.n === Number(id));

	async function guard(request: Request): Promise<Response | undefined> {
		if (sim.latencyMs > 0) await delay(sim.latencyMs);
		if (!isDemoKey(request.headers.get('authorization') ?? '')) {
			return wooError(401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.');
		}
		catchUpArrivals(sim, 'woocommerce', options.arrivalsPerDay ?? 0);
		if (countCall(store())) {
			return wooError(429, 'too_many_requests', 'Too many requests.', {
				'retry-after': String(options.retryAfterSeconds ?? 30)
			});
		}
		return undefined;
	}

	const notFound = () => wooError(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
	const emailed = (s: SimStore, order: SimStoreOrder, kind: string) =>
		s.buyerEmails.push({ orderNumber: order.number, kind });

	return [
		http.get(`${base}/system_status`, async ({ request }) => {
			const refused = await guard(request);
			if (refused) return refused;
			return HttpResponse.json({
				environment: { site_url: new URL(request.url).origin, version: '9.4.0' },
				settings: { currency: 'USD' }
			});
		}),
		http.get(`${base}/orders`, async ({ request }) => {
			const refused = await guard(request);
			if (refused) return refused;
			const query = new URL(request.url).searchParams;
			const statuses = (query.get('status') ?? 'any').split(',');
			const after = new Date(query.get('modified_after') ?? 0).toISOString();
			const perPage = Math.min(100, Number(query.get('per_page') ?? 10));
			const page = Number(query.get('page') ?? 1);
			const matching = store()
				.orders.filter((o) => statuses.includes('any') || statuses.includes(o.wooStatus))
				.filter((o) => o.updatedAt > after)
				.sort((a, b) => a.n - b.n);
			const totalPages = Math.max(1, Math.ceil(matching.length / perPage));
			return HttpResponse.json(
				matching.slice((page - 1) * perPage, page * perPage).map(orderJson),
				{
					headers: { 'x-wp-total': String(matching.length), 'x-wp-totalpages': String(totalPages) }
				}
			);
		}),
		http.get(`${base}/orders/:id`, async ({ request, params }) => {
			const refused = await guard(request);
			if (refused) return refused;
			const order = find(params.id);
			return order ? HttpResponse.json(orderJson(order)) : notFound();
		}),
		http.get(`${base}/orders/:id/notes`, async ({ request, params }) => {
			const refused = await guard(request);
			if (refused) return refused;
			const order = find(params.id);
			if (!order) return notFound();
			return HttpResponse.json(
				order.notes.map((n) => ({
					id: n.n,
					author: 'Dropship Desk',
					date_created_gmt: gmt(n.createdAt),
					note: n.note,
					customer_note: n.isCustomerNote
				}))
			);
		}),
		http.post(`${base}/orders/:id/notes`, async ({ request, params }) => {
			const refused = await guard(request);
			if (refused) return refused;
			const order = find(params.id);
			if (!order) return notFound();
			const body = (await request.json()) as { note?: string; customer_note?: boolean };
			const s = store();
			s.sequence += 1;
			const note = {
				n: s.sequence,
				note: body.note ?? '',
				isCustomerNote: body.customer_note === true,
				createdAt: sim.now().toISOString()
			};
			order.notes.push(note);
			order.updatedAt = note.createdAt;
			if (note.isCustomerNote) emailed(s, order, 'customer note');
			sim.changed();
			if (s.faults.dropWriteAnswers) return HttpResponse.error();
			return HttpResponse.json(
				{ id: note.n, note: note.note, customer_note: note.isCustomerNote },
				{ status: 201 }
			);
		}),
		http.put(`${base}/orders/:id`, async ({ request, params }) => {
			const refused = await guard(request);
			if (refused) return refused;
			const order = find(params.id);
			if (!order) return notFound();
			const body = (await request.json()) as { status?: SimStoreOrder['wooStatus'] };
			const s = store();
			if (body.status && body.status !== order.wooStatus) {
				order.wooStatus = body.status;
				order.updatedAt = sim.now().toISOString();
				if (body.status === 'completed') {
					if (s.isCompletedEmailOn) emailed(s, order, 'completed order');
					for (const line of order.lines) {
						const quantity = remainingQuantity(order, line);
						if (quantity > 0) {
							order.fulfillments.push({
								n: (s.sequence += 1),
								company: '',
								numbers: [],
								urls: [],
								notifyCustomer: false,
								lines: [{ lineN: line.n, quantity }],
								createdAt: order.updatedAt
							});
						}
					}
				}
				sim.changed();
			}
			return HttpResponse.json(orderJson(order));
		})
	];
}
