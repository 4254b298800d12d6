import { err, ok, type Result } from '$lib/domain/result';
import { parseBody } from '../http';
import type { OrderStatusBatch, OrderStatusResult, StatusQuery } from '../types';
import { TrShpBody } from './api-schemas';
import type { Param, TrwsClient } from './client';
import { TUCKER_UNCONFIRMED } from './constants';
import { refusal, TUCKER_NAME } from './errors';
import { toStatusResult } from './mapping';

const P = TUCKER_UNCONFIRMED.errors;

interface Asked {
	po: StatusQuery;
	ordernums: string[];
}

/** POs grouped so that no SHP call carries more than `max` ordernums (a PO is never split). */
function groups(asked: readonly Asked[], max: number): Asked[][] {
	const out: Asked[][] = [];
	let current: Asked[] = [];
	let count = 0;
	for (const a of asked) {
		if (current.length > 0 && count + a.ordernums.length > max) {
			out.push(current);
			current = [];
			count = 0;
		}
		current.push(a);
		count += a.ordernums.length;
	}
	if (current.length > 0) out.push(current);
	return out;
}

/**
 * SHP with repeated `ordernum=` [CODE S14], at most `ordernumsPerShp` per call (UNCONFIRMED). A PO
 * without a stored ordernum cannot be asked this way: it is returned in `askSingly`. A call that
 * knows none of its ordernums leaves those POs absent (not found); any other refusal or failure
 * stops the batch.
 */
export async function tuckerOrderStatuses(
	client: TrwsClient,
	pos: readonly StatusQuery[]
): Promise<Result<OrderStatusBatch>> {
	const asked = pos.map((po) => ({
		po,
		ordernums: po.refs.map((r) => r.trim()).filter((r) => r !== '')
	}));
	const askSingly = asked.filter((a) => a.ordernums.length === 0).map((a) => a.po.poNumber);
	const statuses: OrderStatusResult[] = [];
	const batches = groups(
		asked.filter((a) => a.ordernums.length > 0),
		TUCKER_UNCONFIRMED.ordernumsPerShp
	);
	for (const [index, batch] of batches.entries()) {
		const answered = await shp(client, batch);
		if (!answered.ok) {
			if (index === 0) return answered;
			const unanswered = batches.slice(index).flatMap((b) => b.map((a) => a.po.poNumber));
			return ok({ statuses, askSingly, interrupted: { error: answered.error, unanswered } });
		}
		statuses.push(...answered.value);
	}
	return ok({ statuses, askSingly });
}

async function shp(
	client: TrwsClient,
	batch: readonly Asked[]
): Promise<Result<OrderStatusResult[]>> {
	const params = batch.flatMap((a) => a.ordernums.map((n): Param => ['ordernum', n]));
	const sent = await client.call('getOrderStatuses', 'SHP', params);
	if (!sent.ok) return sent;
	if (!sent.value.isSuccess) {
		if (P.orderNotFoundPattern.test(sent.value.errormsg)) return ok([]);
		return refusal(sent.value.errormsg, { customer: client.customer });
	}
	const parsed = parseBody(TrShpBody, sent.value.answer, TUCKER_NAME);
	if (!parsed.ok) return parsed;
	const all = parsed.value.SHP.shipment;
	return ok(batch.map(({ po, ordernums }) => toStatusResult(po.poNumber, ordernums, all)));
}

/** trws has no order list [§4.1]: SHP needs the ordernums, so nothing can be listed by date. */
export function tuckerCannotList(): Result<never> {
	return err(
		'not_supported',
		`${TUCKER_NAME}'s API has no order list by date; shipments are found by Tucker order number only.`
	);
}
