import { err, ok, type Result } from '$lib/domain/result';
import { parseBody } from '../http';
import type { FoundOrder, OrderStatusResult } from '../types';
import { TrShpBody } from './api-schemas';
import type { Param, TrwsClient } from './client';
import { TUCKER_UNCONFIRMED } from './constants';
import { refusal, TUCKER_NAME } from './errors';
import { orderStatus, toShipments } from './mapping';
import { orderRefusal } from './place-order';

const P = TUCKER_UNCONFIRMED.errors;

/**
 * Tucker has no lookup by PO: SHP is keyed by ordernum. To learn whether Tucker holds a PO we send
 * a validate-only ORD (`submit=NO`, which places nothing [CODE S14]) with `allowduplicatepo=NO`:
 * a duplicate refusal means Tucker holds the PO. This is an INFERENCE from the parameters' names,
 * not documented behaviour. If Tucker did not check duplicates in validate mode we would answer
 * "absent" wrongly, and the resend would still be refused by `allowduplicatepo=NO` on the real
 * order, so the dealer never gets two orders. The ordernum is read from the refusal text when it
 * names one (pattern unconfirmed); otherwise the order is found without a reference.
 */
export async function findTuckerOrder(
	client: TrwsClient,
	poNumber: string
): Promise<Result<FoundOrder | null>> {
	const probe = TUCKER_UNCONFIRMED.probe;
	const params: Param[] = [
		['name', probe.name],
		['address1', probe.address1],
		['address2', ''],
		['city', probe.city],
		['state', probe.state],
		['zip', probe.zip],
		['po', poNumber],
		['allowduplicatepo', 'NO'],
		['carrier', TUCKER_UNCONFIRMED.carrier.ground],
		['splitlines', TUCKER_UNCONFIRMED.splitLines],
		['submit', 'NO'],
		['line', probe.line]
	];
	const sent = await client.call('findOrder', 'ORD', params, poNumber);
	if (!sent.ok) return sent;
	if (sent.value.isSuccess) return ok(null);
	const text = sent.value.errormsg;
	if (P.duplicatePattern.test(text)) {
		const ref = P.duplicateOrderNumber.exec(text)?.[1];
		return ok({ poNumber, distributorRefs: ref ? [ref] : [], status: 'open' });
	}
	const refused = orderRefusal(sent.value, client.customer, poNumber);
	// Refused only for the probe's line (item unknown or unavailable here): the PO itself passed
	// the duplicate check [INF]. Any other refusal (no card …) tells nothing: unknown, not absent.
	if (refused.error.code === 'unknown_sku' || refused.error.code === 'out_of_stock')
		return ok(null);
	return refused;
}

/** SHP for the PO's ordernums; without them, the ordernum is looked up first (see above). */
export async function tuckerOrderStatus(
	client: TrwsClient,
	poNumber: string,
	refs: readonly string[] = []
): Promise<Result<OrderStatusResult>> {
	let ordernums = refs.map((r) => r.trim()).filter((r) => r !== '');
	if (ordernums.length === 0) {
		const found = await findTuckerOrder(client, poNumber);
		if (!found.ok) return found;
		if (!found.value) return err('not_found', `${TUCKER_NAME} has no order for PO ${poNumber}.`);
		ordernums = found.value.distributorRefs;
		if (ordernums.length === 0) {
			return err(
				'not_supported',
				`${TUCKER_NAME} holds an order for PO ${poNumber}, but its API finds shipments by Tucker order number only. Add the order number from Tucker's confirmation to the PO.`
			);
		}
	}
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
	const shipments = parsed.value.SHP.shipment.filter((s) => ordernums.includes(s.ordernum));
	return ok({
		poNumber,
		status: orderStatus(ordernums, shipments),
		distributorRefs: ordernums,
		shipments: toShipments(shipments)
	});
}
