import { err, ok, type Result } from '$lib/domain/result';
import { parseBody } from '../http';
import { checkLimits } from '../limits';
import type { DropShipRequest, DropShipResult } from '../types';
import { TrOrdFailureBody, TrOrdSuccessBody } from './api-schemas';
import type { TrwsAnswer, TrwsClient } from './client';
import { refusal, TUCKER_NAME } from './errors';
import { lineErrors, orderLimits, toLineResults, toOrderParams } from './mapping';

/**
 * One GET with `type=ORD&submit=YES&allowduplicatepo=NO` places the order [CODE×2 S14, S15].
 * Lines Tucker refused inside an accepted order come back as `rejected` lines, not as a failure:
 * the order exists and its ordernum must be kept.
 */
export async function placeTuckerOrder(
	client: TrwsClient,
	request: DropShipRequest
): Promise<Result<DropShipResult>> {
	const limits = checkLimits(TUCKER_NAME, orderLimits(request));
	if (!limits.ok) return limits;
	const po = request.poNumber;
	const sent = await client.call('placeOrder', 'ORD', toOrderParams(request), po);
	if (!sent.ok) return sent;
	if (!sent.value.isSuccess) return orderRefusal(sent.value, client.customer, po);
	const parsed = parseBody(TrOrdSuccessBody, sent.value.answer, TUCKER_NAME);
	if (!parsed.ok) return parsed;
	const { ordernum, orderline } = parsed.value.ORD.orderoutput;
	if (ordernum.trim() === '') {
		// Success without an order number: whether the order exists is unknown; look it up.
		return err('protocol', `${TUCKER_NAME} accepted PO ${po} but sent no order number.`, {
			detail: sent.value.answer.text.slice(0, 200)
		});
	}
	return ok({
		poNumber: po,
		distributorRefs: [ordernum.trim()],
		lines: toLineResults(request, orderline)
	});
}

/** `ORD.errormsg` and the per-line `orderinput.orderline[].errormsg` of a refused order [CODE S15]. */
export function orderRefusal(answer: TrwsAnswer, customer: string, poNumber: string) {
	const failure = TrOrdFailureBody.safeParse(answer.answer.json);
	const lines = failure.success ? (failure.data.ORD.orderinput?.orderline ?? []) : [];
	return refusal(answer.errormsg, { customer, poNumber, lineErrors: lineErrors(lines) });
}
