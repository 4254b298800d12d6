import { err, ok, type AppError, type Result } from '$lib/domain/result';
import { parseBody } from '../http';
import { checkLimits } from '../limits';
import type { DropShipRequest, DropShipResult } from '../types';
import { WpsCart, WpsCartItem, WpsPurchaseOrder, WpsSubmittedOrder } from './api-schemas';
import { isSuccess, type WpsClient } from './client';
import { WPS_NAME, wpsFailure } from './errors';
import { cartLimits, toCartBody } from './mapping';

type LineResult = DropShipResult['lines'][number];
/** A line as the cart took it, with why WPS refused it when it did. */
type LineAttempt = LineResult & { refusal?: AppError['code'] };

/** A failure before submit may leave a cart behind; these codes mean nothing was created. */
const NOTHING_CREATED: readonly AppError['code'][] = ['auth', 'not_enabled', 'validation'];

/**
 * WPS order flow [DOC S1–S3]: create a cart named by the PO → add each line → submit the cart.
 * A failure before submit deletes the cart, so the dealer can fix and send again. A submit whose
 * answer is lost leaves the cart alone: the order may exist, and only a lookup can tell.
 */
export async function placeWpsOrder(
	client: WpsClient,
	request: DropShipRequest
): Promise<Result<DropShipResult>> {
	const limits = checkLimits(WPS_NAME, cartLimits(request));
	if (!limits.ok) return limits;
	if (request.lines.length === 0) {
		return err('validation', 'The order has no lines to send.', { field: 'lines' });
	}
	const po = request.poNumber;
	const cart = await createCart(client, request);
	if (!cart.ok) return cart;

	const lines: LineAttempt[] = [];
	for (const line of request.lines) {
		const added = await addLine(client, po, line);
		if (!added.ok) return abandon(client, po, added.error);
		lines.push(added.value);
	}
	const refused = lines.filter((l) => l.outcome === 'rejected');
	if (refused.length === lines.length) {
		const isAllStock = refused.every((l) => l.refusal === 'out_of_stock');
		return abandon(client, po, {
			code: isAllStock ? 'out_of_stock' : 'unknown_sku',
			message: `${WPS_NAME} refused every line of PO ${po}: ${refused.map(lineText).join('; ')}.`,
			detail: refused.map((l) => l.message).join('; ')
		});
	}

	const submitted = await client.call('placeOrder.submit', 'POST', '/orders', {
		body: { po_number: po },
		poNumber: po
	});
	if (!submitted.ok) return submitted;
	if (!isSuccess(submitted.value)) {
		const failure = wpsFailure(submitted.value, 'submit', po);
		// A 4xx refusal created no order; drop the cart so a corrected PO can be sent again.
		const isRefusal = submitted.value.status < 500 && submitted.value.status !== 429;
		return isRefusal ? abandon(client, po, failure.error) : failure;
	}
	const order = parseBody(WpsSubmittedOrder, submitted.value, WPS_NAME);
	if (!order.ok) return order;
	return ok({
		poNumber: po,
		distributorRefs: [order.value.data.order_number],
		lines: lines.map(({ refusal, ...line }) =>
			refusal ? { ...line, message: lineText({ ...line, refusal }) } : line
		)
	});
}

async function createCart(
	client: WpsClient,
	request: DropShipRequest,
	isRetry = false
): Promise<Result<WpsCart>> {
	const po = request.poNumber;
	const created = await client.call('placeOrder.createCart', 'POST', '/carts', {
		body: toCartBody(request),
		poNumber: po
	});
	if (!created.ok) return abandon(client, po, created.error);
	if (!isSuccess(created.value)) {
		const failure = wpsFailure(created.value, 'cart', po);
		if (failure.error.code === 'duplicate_po' && !isRetry)
			return replaceLeftoverCart(client, request);
		if (NOTHING_CREATED.includes(failure.error.code) || failure.error.code === 'duplicate_po') {
			return failure;
		}
		return abandon(client, po, failure.error);
	}
	const cart = parseBody(WpsCart, created.value, WPS_NAME);
	return cart.ok ? cart : abandon(client, po, cart.error);
}

/**
 * PO numbers are ours and unique, so a cart already named by this PO with no order behind it is
 * the leftover of an attempt of ours that died before submit: delete it and start again, once.
 * When WPS holds an order for the PO, nothing is sent: that would be a second order.
 */
async function replaceLeftoverCart(
	client: WpsClient,
	request: DropShipRequest
): Promise<Result<WpsCart>> {
	const po = request.poNumber;
	const path = `/orders/${encodeURIComponent(po)}`;
	const existing = await client.call('placeOrder.checkExisting', 'GET', path, { poNumber: po });
	if (!existing.ok) return existing;
	if (isSuccess(existing.value) && parseBody(WpsPurchaseOrder, existing.value, WPS_NAME).ok) {
		return err(
			'duplicate_po',
			`${WPS_NAME} already holds an order for PO ${po}; nothing was sent.`
		);
	}
	await deleteCart(client, po);
	return createCart(client, request, true);
}

async function addLine(
	client: WpsClient,
	po: string,
	line: DropShipRequest['lines'][number]
): Promise<Result<LineAttempt>> {
	const added = await client.call(
		'placeOrder.addItem',
		'POST',
		`/carts/${encodeURIComponent(po)}/items`,
		{ body: { item_sku: line.sku, quantity: line.quantity }, poNumber: po }
	);
	if (!added.ok) return added;
	const base = { lineNo: line.lineNo, sku: line.sku, quantity: line.quantity };
	if (!isSuccess(added.value)) {
		const failure = wpsFailure(added.value, 'cart_item', po);
		const { code } = failure.error;
		// A refused line is an outcome of the order; anything else stops it.
		if (code !== 'unknown_sku' && code !== 'out_of_stock' && code !== 'validation') return failure;
		return ok({ ...base, outcome: 'rejected', refusal: code, message: failure.error.detail ?? '' });
	}
	const item = parseBody(WpsCartItem, added.value, WPS_NAME);
	if (!item.ok) return item;
	const backordered = item.value.data?.backorder_quantity ?? 0;
	return ok(
		backordered > 0
			? {
					...base,
					outcome: 'backordered',
					message: `${backordered} of ${line.quantity} on backorder at ${WPS_NAME}`
				}
			: { ...base, outcome: 'accepted' }
	);
}

const REFUSAL_WORDS: Partial<Record<AppError['code'], string>> = {
	out_of_stock: 'not enough in stock',
	unknown_sku: 'unknown part',
	validation: 'refused'
};

/** "2-R0451B-8: unknown part (Item not found.)": the dealer's words, then WPS's. */
function lineText(line: LineAttempt): string {
	const why = (line.refusal && REFUSAL_WORDS[line.refusal]) ?? 'refused';
	return `${line.sku}: ${why}${line.message ? ` (${line.message})` : ''}`;
}

async function deleteCart(client: WpsClient, po: string): Promise<void> {
	// Best effort: a cart left behind is replaced on the next attempt (replaceLeftoverCart).
	await client.call('placeOrder.deleteCart', 'DELETE', `/carts/${encodeURIComponent(po)}`, {
		poNumber: po
	});
}

async function abandon(client: WpsClient, po: string, error: AppError): Promise<Result<never>> {
	await deleteCart(client, po);
	return { ok: false, error };
}
