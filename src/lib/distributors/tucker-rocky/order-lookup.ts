import { DISTRIBUTORS } from '$lib/domain/distributor';
import { err, ok, type Result } from '$lib/domain/result';
import { parseBody } from '../http';
import type { FoundOrder, OrderStatusResult } from '../types';
import { TrShpBody } from './api-schemas';
import type { Param, TrwsClient } from './client';
import { TUCKER_UNCONFIRMED } from './constants';
import { refusal, TUCKER_NAME } from './errors';
import { toStatusResult } from './mapping';

const P = TUCKER_UNCONFIRMED.errors;

/**
 * Tucker's API finds orders by Tucker order number only (SHP); it has no lookup by PO. Nothing
 * is sent to guess one: an ORD with `submit=NO` was used for that once, but nothing public
 * proves that `NO` never places an order (distributors.md §9). So without the order number the
 * answer is "cannot check", in words that tell the dealer what to ask Tucker.
 */
export function cannotCheck(poNumber: string): Result<never> {
	return err(
		'not_supported',
		`${TUCKER_NAME}'s API cannot look a PO up without Tucker's order number, so this app cannot tell whether PO ${poNumber} reached them. Ask ${DISTRIBUTORS.tucker.contact} whether they hold an order for PO ${poNumber}: if they do, add its tracking here when it ships; if they do not, cancel this PO and drop-ship the item again.`
	);
}

/** Reconciliation after a lost answer: with no order number to ask by, always "cannot check". */
export async function findTuckerOrder(poNumber: string): Promise<Result<FoundOrder | null>> {
	return cannotCheck(poNumber);
}

/** SHP for the PO's ordernums; "cannot check" without them (nothing is sent). */
export async function tuckerOrderStatus(
	client: TrwsClient,
	poNumber: string,
	refs: readonly string[] = []
): Promise<Result<OrderStatusResult>> {
	const ordernums = refs.map((r) => r.trim()).filter((r) => r !== '');
	if (ordernums.length === 0) return cannotCheck(poNumber);
	const params = ordernums.map((n): Param => ['ordernum', n]);
	const sent = await client.call('getOrderStatus', 'SHP', params, poNumber);
	if (!sent.ok) return sent;
	if (!sent.value.isSuccess) {
		if (P.orderNotFoundPattern.test(sent.value.errormsg)) {
			return err('not_found', `${TUCKER_NAME} has no order ${ordernums.join(', ')}.`, {
				detail: sent.value.errormsg
			});
		}
		return refusal(sent.value.errormsg, { customer: client.customer, poNumber });
	}
	const parsed = parseBody(TrShpBody, sent.value.answer, TUCKER_NAME);
	if (!parsed.ok) return parsed;
	return ok(toStatusResult(poNumber, ordernums, parsed.value.SHP.shipment));
}
