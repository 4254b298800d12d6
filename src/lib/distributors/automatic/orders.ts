import { DISTRIBUTORS } from '$lib/domain/distributor';
import { err, ok, type Result } from '$lib/domain/result';
import { parseBody } from '../http';
import { checkLimits } from '../limits';
import type { DropShipRequest, DropShipResult, OrderStatusResult } from '../types';
import { AdCreated, AdLookup, AdRevoked, type AdGeneration } from './api-schemas';
import { isSuccess, type AdClient } from './client';
import { AUTOMATIC_UNCONFIRMED } from './constants';
import { AD_NAME, adFailure } from './errors';
import { lookupWindow, orderLimits, toLineResults, toOrderBody, toStatusResult } from './mapping';

const PATHS = AUTOMATIC_UNCONFIRMED.paths;

/** One POST /order/create [3P-DOC S27; body shape invented]. */
export async function placeAdOrder(
	client: AdClient,
	request: DropShipRequest
): Promise<Result<DropShipResult>> {
	const limits = checkLimits(AD_NAME, orderLimits(request));
	if (!limits.ok) return limits;
	const po = request.poNumber;
	const sent = await client.call('placeOrder', 'POST', PATHS.create, {
		body: toOrderBody(request),
		poNumber: po
	});
	if (!sent.ok) return sent;
	if (!isSuccess(sent.value)) return adFailure(sent.value, po);
	const created = parseBody(AdCreated, sent.value, AD_NAME);
	if (!created.ok) return created;
	return ok({
		poNumber: po,
		distributorRefs: [created.value.header.orderNumber],
		lines: toLineResults(request, created.value)
	});
}

/** Every order generation Automatic holds for the PO, looked up over the widest window (365 days). */
export async function findAdGenerations(
	client: AdClient,
	poNumber: string,
	now: Date
): Promise<Result<AdGeneration[]>> {
	const { startDate, endDate } = lookupWindow(now);
	const query = new URLSearchParams({ ponumber: poNumber, startDate, endDate });
	const sent = await client.call('findOrder', 'GET', PATHS.lookup, { query, poNumber });
	if (!sent.ok) return sent;
	if (!isSuccess(sent.value)) return adFailure(sent.value, poNumber);
	const found = parseBody(AdLookup, sent.value, AD_NAME);
	if (!found.ok) return found;
	return ok(found.value.orders.filter((g) => g.header.ponumber === poNumber));
}

export async function adOrderStatus(
	client: AdClient,
	poNumber: string,
	now: Date
): Promise<Result<OrderStatusResult>> {
	const found = await findAdGenerations(client, poNumber, now);
	if (!found.ok) return found;
	if (found.value.length === 0)
		return err('not_found', `${AD_NAME} has no order for PO ${poNumber}.`);
	return ok(toStatusResult(poNumber, found.value));
}

/**
 * "Revoke all orders for a PO" exists in v2 [3P-DOC S27] but is unverified, so it is used only
 * when the flag is on; otherwise the dealer is told whom to contact.
 */
export async function revokeAdOrder(
	client: AdClient,
	poNumber: string,
	canRevoke: boolean
): Promise<Result<void>> {
	if (!canRevoke) {
		return err(
			'not_supported',
			`${AD_NAME} orders cannot be cancelled from this app yet. Contact ${DISTRIBUTORS.automatic.contact} and quote PO ${poNumber}.`
		);
	}
	const sent = await client.call('cancelOrder', 'POST', PATHS.revoke, {
		body: { ponumber: poNumber },
		poNumber
	});
	if (!sent.ok) return sent;
	if (!isSuccess(sent.value)) return adFailure(sent.value, poNumber);
	const revoked = parseBody(AdRevoked, sent.value, AD_NAME);
	if (!revoked.ok) return revoked;
	if (revoked.value.revoked === 0) {
		return err('not_found', `${AD_NAME} had no open order to revoke for PO ${poNumber}.`);
	}
	return ok();
}
