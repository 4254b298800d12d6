import { ok, type Result } from '$lib/domain/result';
import { parseBody } from '../http';
import { checkLimits } from '../limits';
import type { DropShipRequest, DropShipResult } from '../types';
import { PuOrderAccepted, PuOrderAnswer } from './api-schemas';
import { isSuccess, type PuClient } from './client';
import { PU_UNCONFIRMED } from './constants';
import { orderRefusal, PU_NAME, puHttpFailure } from './errors';
import { orderLimits, toLineResults, toOrderBody } from './mapping';

/**
 * One POST creates the order [CODE×3]. PU says no in three ways: an HTTP error, a `status_code`
 * other than success with `status_message`, or `mainframeErrors[]` [CODE S15, S16].
 */
export async function placePuOrder(
	client: PuClient,
	request: DropShipRequest
): Promise<Result<DropShipResult>> {
	const limits = checkLimits(PU_NAME, orderLimits(request, client.dealer));
	if (!limits.ok) return limits;
	const po = request.poNumber;
	const sent = await client.call('placeOrder', 'POST', '/orders/dropship', {
		body: toOrderBody(request, client.dealer),
		poNumber: po
	});
	if (!sent.ok) return sent;
	const answer = sent.value;
	const loose = PuOrderAnswer.safeParse(answer.json);
	const mainframe = loose.success ? loose.data.mainframeErrors : [];
	if (mainframe.length > 0) {
		return orderRefusal(mainframe.map((e) => e.text).join('; '), client.dealer, po);
	}
	const code = loose.success ? loose.data.status_code : undefined;
	const isRefused =
		code !== undefined && !(PU_UNCONFIRMED.successCodes as readonly number[]).includes(code);
	if (isRefused && answer.status < 500 && answer.status !== 429) {
		const text = loose.success ? loose.data.status_message : '';
		return orderRefusal(text || `status_code ${code}`, client.dealer, po);
	}
	if (!isSuccess(answer)) return puHttpFailure(answer, client.dealer);
	const accepted = parseBody(PuOrderAccepted, answer, PU_NAME);
	if (!accepted.ok) return accepted;
	return ok({
		poNumber: po,
		distributorRefs: [accepted.value.reference_number],
		lines: toLineResults(request, accepted.value)
	});
}
