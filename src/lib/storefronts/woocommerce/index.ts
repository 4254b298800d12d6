import { parseBody } from '$lib/distributors/http';
import { err, ok } from '$lib/domain/result';
import type { StorefrontAdapter, StorefrontDeps, StoreOrder } from '../types';
import { WooNote, WooNotes, WooOrder, WooOrders, WooSystemStatus } from './api-schemas';
import { wooClient } from './client';
import { FINAL_STATUSES, WOO_NAME, WOO_PER_PAGE, WOO_STATUSES } from './constants';
import { noteIsForCustomer, toStoreOrder, trackingNote } from './mapping';

/** The WooCommerce REST API v3 adapter (storefronts.md §2). */
export function createWooCommerceAdapter(deps: StorefrontDeps): StorefrontAdapter {
	const built = wooClient(deps);
	if (!('call' in built)) {
		const refuse = async () => built;
		return {
			id: 'woocommerce',
			testConnection: refuse,
			listOrdersSince: refuse,
			markShipped: refuse
		};
	}
	const client = built;
	return {
		id: 'woocommerce',

		/** GET /system_status; `auth` for refused keys, `not_found` when the address has no WooCommerce API. */
		async testConnection() {
			const answer = await client.call('testConnection', 'GET', '/system_status');
			if (!answer.ok) return answer;
			const status = parseBody(WooSystemStatus, answer.value, WOO_NAME);
			if (!status.ok) return status;
			return ok({ shopName: new URL(status.value.environment.site_url).host });
		},

		/**
		 * GET /orders?status&modified_after&per_page=100&page=N; the next page while N is below
		 * X-WP-TotalPages. `rate_limited` (with Retry-After) when the host says 429.
		 */
		async listOrdersSince(cursor) {
			const page = Number(cursor.page ?? '1');
			const query = new URLSearchParams({
				status: WOO_STATUSES,
				modified_after: cursor.since,
				per_page: String(WOO_PER_PAGE),
				page: String(page),
				orderby: 'id',
				order: 'asc'
			});
			const answer = await client.call('listOrders', 'GET', `/orders?${query}`);
			if (!answer.ok) return answer;
			const parsed = parseBody(WooOrders, answer.value, WOO_NAME);
			if (!parsed.ok) return parsed;
			const orders: StoreOrder[] = [];
			const problems: string[] = [];
			for (const order of parsed.value) {
				const mapped = toStoreOrder(client.base, order);
				if ('order' in mapped) orders.push(mapped.order);
				else problems.push(mapped.problem);
			}
			const totalPages = Number(answer.value.headers.get('x-wp-totalpages') ?? '1');
			const next = page < totalPages ? { since: cursor.since, page: String(page + 1) } : null;
			return ok({ orders, next, problems });
		},

		/**
		 * A note with the tracking link (emailed to the buyer when the store notifies), then
		 * `completed` once every item shipped, unless the store has moved the order past that. A
		 * note already carrying the tracking number means it was sent before: done, nothing twice.
		 */
		async markShipped(order, shipment) {
			const id = encodeURIComponent(order.storeOrderId);
			const current = await client.call('getOrder', 'GET', `/orders/${id}`);
			if (!current.ok) return current;
			const parsedOrder = parseBody(WooOrder, current.value, WOO_NAME);
			if (!parsedOrder.ok) return parsedOrder;
			const notes = await client.call('listNotes', 'GET', `/orders/${id}/notes`);
			if (!notes.ok) return notes;
			const parsedNotes = parseBody(WooNotes, notes.value, WOO_NAME);
			if (!parsedNotes.ok) return parsedNotes;
			const numbers = shipment.trackingNumbers.join(', ');
			const already = parsedNotes.value.find((n) =>
				shipment.trackingNumbers.some((t) => n.note.includes(t))
			);
			let storeRef: string;
			if (already) storeRef = String(already.id);
			else {
				const created = await client.call('addNote', 'POST', `/orders/${id}/notes`, {
					note: trackingNote(shipment),
					customer_note: noteIsForCustomer(shipment)
				});
				if (!created.ok) return created;
				const note = parseBody(WooNote, created.value, WOO_NAME);
				if (!note.ok) return note;
				storeRef = String(note.value.id);
			}
			const status = parsedOrder.value.status;
			let word = 'note added';
			if (shipment.isComplete && !FINAL_STATUSES.includes(status)) {
				const done = await client.call('completeOrder', 'PUT', `/orders/${id}`, {
					status: 'completed'
				});
				if (!done.ok) return done;
				word = 'completed';
			} else if (shipment.isComplete && status === 'completed') {
				word = 'completed';
			} else if (shipment.isComplete) {
				return err(
					'conflict',
					`${WOO_NAME} shows order ${order.number} as ${status}; it was left as it is.`
				);
			}
			return ok({
				storeRef,
				message: `${WOO_NAME} told: ${word}, ${shipment.carrier} ${numbers}`,
				wasAlreadyThere: Boolean(already)
			});
		}
	};
}
