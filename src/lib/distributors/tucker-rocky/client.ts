import { z } from 'zod';
import { err, ok, type Result } from '$lib/domain/result';
import { commonHttpError, send, type HttpAnswer } from '../http';
import type { AdapterDeps } from '../types';
import { TrStatus } from './api-schemas';
import { TUCKER_SUCCESS, TUCKER_UNCONFIRMED, TUCKER_URL, type TrwsType } from './constants';
import { authFailure, TUCKER_NAME } from './errors';

export type Param = readonly [name: string, value: string];

/** A trws answer whose envelope was readable: the status word, Tucker's text, the raw answer. */
export interface TrwsAnswer {
	answer: HttpAnswer;
	isSuccess: boolean;
	errormsg: string;
}

export interface TrwsClient {
	readonly customer: string;
	call(
		operation: string,
		type: TrwsType,
		params: readonly Param[],
		poNumber?: string
	): Promise<Result<TrwsAnswer>>;
}

const Envelope = z.record(z.string(), z.unknown());

/**
 * Every trws call is one GET with the key and customer in the query string and list parameters
 * repeated [CODE×3]. send() masks `apikey` and `cust` in the audit URL (maskUrl).
 */
export function trwsClient(deps: AdapterDeps, baseUrl = TUCKER_URL): TrwsClient {
	const key = deps.credentials.apiKey?.trim() ?? '';
	const customer = deps.credentials.customerNumber?.trim() ?? '';
	return {
		customer,
		async call(operation, type, params, poNumber) {
			if (key === '' || customer === '') {
				return err(
					'auth',
					`Enter your ${TUCKER_NAME} customer number and API key in Settings › Order automation.`
				);
			}
			const query = new URLSearchParams();
			const all: Param[] = [
				['apikey', key],
				['cust', customer],
				['output', 'JSON'],
				['type', type],
				...params
			];
			for (const [name, value] of all) query.append(name, value);
			const sent = await send(deps, TUCKER_NAME, {
				operation,
				method: 'GET',
				url: `${baseUrl}?${query.toString()}`,
				// The public PHP clients follow trws redirects (distributors.md §9).
				redirect: 'follow',
				...(poNumber ? { poNumber } : {})
			});
			if (!sent.ok) return sent;
			return readEnvelope(sent.value, type, customer);
		}
	};
}

function readEnvelope(answer: HttpAnswer, type: TrwsType, customer: string): Result<TrwsAnswer> {
	const common = commonHttpError(answer, TUCKER_NAME);
	if (common) return common;
	if (answer.status !== 200) {
		return err('protocol', `${TUCKER_NAME} sent an unexpected answer (HTTP ${answer.status}).`, {
			detail: answer.text.slice(0, 200)
		});
	}
	// An empty or non-JSON page from trws is a hiccup on their side, not a changed API (§7.3).
	if (answer.json === null) {
		return err('transient', `${TUCKER_NAME} answered with an empty or unreadable page.`, {
			detail: answer.text.slice(0, 200)
		});
	}
	const envelope = Envelope.safeParse(answer.json);
	const head = TrStatus.safeParse(envelope.success ? envelope.data[type] : undefined);
	if (!head.success) {
		return err('protocol', `${TUCKER_NAME} sent an answer this app does not understand.`, {
			detail: `${type}.status missing; body starts ${answer.text.slice(0, 120)}`
		});
	}
	const errormsg = head.data.errormsg ?? '';
	const isSuccess = head.data.status.trim().toUpperCase() === TUCKER_SUCCESS;
	if (!isSuccess && TUCKER_UNCONFIRMED.errors.authPattern.test(errormsg)) {
		return authFailure(customer, errormsg);
	}
	return ok({ answer, isSuccess, errormsg });
}
