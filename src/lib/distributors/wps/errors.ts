import { DISTRIBUTORS } from '$lib/domain/distributor';
import { err, type Err } from '$lib/domain/result';
import { commonHttpError, type HttpAnswer } from '../http';
import { WpsError } from './api-schemas';
import { WPS_UNCONFIRMED } from './constants';

export const WPS_NAME = DISTRIBUTORS.wps.name;

/** Which call failed: the same status means different things on different calls. */
export type WpsContext = 'catalog' | 'cart' | 'cart_item' | 'submit' | 'status';

/** WPS field names → our request's field names, so the dealer is pointed at the right input. */
const FIELD_OF: Readonly<Record<string, string>> = {
	po_number: 'poNumber',
	ship_name: 'shipTo.name',
	ship_address1: 'shipTo.line1',
	ship_address2: 'shipTo.line2',
	ship_address3: 'shipTo.company',
	ship_city: 'shipTo.city',
	ship_state: 'shipTo.state',
	ship_zip: 'shipTo.postalCode',
	ship_phone: 'shipTo.phone',
	email: 'shipTo.email',
	comment1: 'note'
};

function errorText(answer: HttpAnswer): { text: string; field?: string } {
	const parsed = WpsError.safeParse(answer.json);
	if (!parsed.success) return { text: answer.text.slice(0, 300) };
	const entries = Object.entries(parsed.data.errors ?? {});
	const first = entries[0];
	const text = [parsed.data.message, ...entries.flatMap(([, texts]) => texts)]
		.filter(Boolean)
		.join(' ');
	const field = first ? (FIELD_OF[first[0]] ?? first[0]) : undefined;
	return { text, ...(field ? { field } : {}) };
}

/**
 * Turns a WPS answer that is not a success into one of our error codes, with a message for the
 * dealer and WPS's own words in `detail`. `poNumber` makes the message name the order.
 */
export function wpsFailure(answer: HttpAnswer, context: WpsContext, poNumber?: string): Err {
	const common = commonHttpError(answer, WPS_NAME);
	if (common && !common.ok) return common;
	const { text, field } = errorText(answer);
	const detail = text || `HTTP ${answer.status}`;
	const po = poNumber ? ` for PO ${poNumber}` : '';
	const patterns = WPS_UNCONFIRMED.errors;
	const isOrdering = context === 'cart' || context === 'cart_item' || context === 'submit';
	if (answer.status === 401 || (answer.status === 403 && !isOrdering)) {
		return err(
			'auth',
			`${WPS_NAME} refused the API token. Check it in Settings › Order automation.`,
			{
				detail
			}
		);
	}
	if (answer.status === 403) {
		return err(
			'not_enabled',
			`${WPS_NAME} has not enabled order processing for this API token. Ask ${DISTRIBUTORS.wps.contact} to enable it.`,
			{ detail }
		);
	}
	if (patterns.taxIdPattern.test(text)) {
		return err(
			'account_prerequisite',
			`${WPS_NAME} will not accept orders until a tax ID is on file for your account. Contact ${DISTRIBUTORS.wps.contact}.`,
			{ detail }
		);
	}
	if (answer.status === 409 || patterns.duplicatePattern.test(text)) {
		return err('duplicate_po', `${WPS_NAME} already holds a cart or order${po}.`, { detail });
	}
	if (context === 'status' && answer.status === 404) {
		return err('not_found', `${WPS_NAME} has no order${po}.`, { detail });
	}
	if (context === 'cart_item' && (answer.status === 404 || patterns.notFoundPattern.test(text))) {
		return err('unknown_sku', `${WPS_NAME} does not know this part.`, { detail });
	}
	if (patterns.stockPattern.test(text)) {
		return err(
			'out_of_stock',
			`${WPS_NAME} does not have enough in stock and backorders are off.`,
			{
				detail
			}
		);
	}
	if (patterns.addressPattern.test(text)) {
		return err('invalid_address', `${WPS_NAME} refused the ship-to address${po}: ${text}`, {
			detail,
			field: field ?? 'shipTo'
		});
	}
	if (answer.status === 400 || answer.status === 422) {
		return err('validation', `${WPS_NAME} refused the order${po}: ${text || 'no reason given'}`, {
			detail,
			...(field ? { field } : {})
		});
	}
	return err('protocol', `${WPS_NAME} sent an unexpected answer (HTTP ${answer.status}).`, {
		detail
	});
}
