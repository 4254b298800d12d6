import { NewOrderInput } from '$lib/domain/order';
import type { ImportProblem, OrderImport } from './order-csv';

/**
 * A JSON file of orders: an array, or `{ "orders": [...] }`, each in the shape of a new order.
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
	const problems: ImportProblem[] = [];
	list.forEach((entry: unknown, index) => {
		const parsed = NewOrderInput.safeParse({ source: 'json', ...(entry as object) });
		if (parsed.success) orders.push(parsed.data);
		else {
			const issue = parsed.error.issues[0];
			const number = (entry as { number?: unknown })?.number;
			problems.push({
				line: index + 1,
				...(typeof number === 'string' ? { orderNumber: number } : {}),
				reason: `${issue?.path.join('.') ?? 'order'} ${issue?.message ?? 'is not valid'}`
			});
		}
	});
	return { orders, problems };
}
