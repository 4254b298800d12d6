import { NewOrderInput } from '$lib/domain/order';
import { readStoreState, type StoreState } from '$lib/domain/store-state';
import type { ImportProblem, OrderImport } from './order-csv';

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * The store's status as a JSON order may carry it, read by the one store-state rule: WooCommerce's
 * `status`, or Shopify's `financialStatus`, `fulfillmentStatus` and `cancelledAt`.
 */
function storeStateOf(entry: Record<string, unknown>): StoreState | undefined {
	if (text(entry.status) !== undefined)
		return readStoreState({
			store: 'woocommerce',
			status: text(entry.status) ?? '',
			cancelledAt: text(entry.cancelledAt)
		});
	if (['financialStatus', 'fulfillmentStatus', 'cancelledAt'].some((k) => k in entry))
		return readStoreState({
			store: 'shopify',
			financialStatus: text(entry.financialStatus),
			fulfillmentStatus: text(entry.fulfillmentStatus),
			cancelledAt: text(entry.cancelledAt)
		});
	return undefined;
}

/**
 * A JSON file of orders: an array, or `{ "orders": [...] }`, each in the shape of a new order,
 * with the store's status words beside it when the store gave them.
 * A bad order is reported by its position in the list; the others go in.
 */
export function parseOrderJson(text: string): OrderImport | { error: string } {
	let json: unknown;
	try {
		json = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		return { error: 'This is not a JSON file of orders.' };
	}
	const list = Array.isArray(json) ? json : (json as { orders?: unknown })?.orders;
	if (!Array.isArray(list)) return { error: 'This JSON file has no list of orders.' };
	const orders: NewOrderInput[] = [];
	const lines: number[] = [];
	const problems: ImportProblem[] = [];
	list.forEach((entry: unknown, index) => {
		const fields =
			typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
		const storeState = storeStateOf(fields);
		const parsed = NewOrderInput.safeParse({
			source: 'json',
			...fields,
			...(storeState ? { storeState } : {})
		});
		if (parsed.success) {
			orders.push(parsed.data);
			lines.push(index + 1);
		} else {
			const issue = parsed.error.issues[0];
			const number = (entry as { number?: unknown })?.number;
			problems.push({
				line: index + 1,
				...(typeof number === 'string' ? { orderNumber: number } : {}),
				reason: `${issue?.path.join('.') ?? 'order'} ${issue?.message ?? 'is not valid'}`
			});
		}
	});
	return { orders, lines, problems };
}
