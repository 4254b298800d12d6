import { DISTRIBUTORS } from '$lib/domain/distributor';
import { err, type Err } from '$lib/domain/result';
import { TUCKER_UNCONFIRMED } from './constants';

export const TUCKER_NAME = DISTRIBUTORS.tucker.name;

const P = TUCKER_UNCONFIRMED.errors;

export function authFailure(customer: string, detail: string): Err {
	return err(
		'auth',
		`${TUCKER_NAME} refused the API key for customer ${customer || '(no customer number)'}. Check both in Settings › Order automation.`,
		{ detail }
	);
}

/**
 * Tucker answers a refusal as HTTP 200 with a status other than SUCCESSFUL and an `errormsg`
 * [INF §4.3]; the kind of refusal is read from that text, and its words are kept in `detail`.
 */
export function refusal(
	errormsg: string,
	context: { customer: string; poNumber?: string; lineErrors?: readonly string[] }
): Err {
	const lines = context.lineErrors ?? [];
	const detail = [errormsg, ...lines].filter((t) => t !== '').join('; ') || 'no reason given';
	const po = context.poNumber ? ` PO ${context.poNumber}` : ' the request';
	if (P.authPattern.test(errormsg)) return authFailure(context.customer, detail);
	if (P.cardPattern.test(errormsg)) {
		return err(
			'account_prerequisite',
			`${TUCKER_NAME} needs a credit card on file for customer ${context.customer} before it accepts drop-ship orders. Ask ${DISTRIBUTORS.tucker.contact}.`,
			{ detail }
		);
	}
	if (P.duplicatePattern.test(errormsg)) {
		return err('duplicate_po', `${TUCKER_NAME} already holds an order for${po}.`, { detail });
	}
	if (P.addressPattern.test(errormsg)) {
		return err('invalid_address', `${TUCKER_NAME} refused the ship-to address of${po}.`, {
			detail,
			field: 'shipTo'
		});
	}
	if (lines.length > 0 && lines.every((l) => P.unknownItemPattern.test(l))) {
		return err('unknown_sku', `${TUCKER_NAME} does not know the items on${po}.`, { detail });
	}
	if (lines.some((l) => P.stockPattern.test(l))) {
		return err('out_of_stock', `${TUCKER_NAME} does not have the items on${po} available.`, {
			detail
		});
	}
	if (lines.some((l) => P.unknownItemPattern.test(l))) {
		return err('unknown_sku', `${TUCKER_NAME} refused an item on${po}.`, { detail });
	}
	return err('validation', `${TUCKER_NAME} refused${po}: ${detail}`, { detail });
}
