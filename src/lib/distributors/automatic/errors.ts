import { DISTRIBUTORS } from '$lib/domain/distributor';
import { err, type Err, type ErrorCode } from '$lib/domain/result';
import { commonHttpError, type HttpAnswer } from '../http';
import { AdError } from './api-schemas';
import { AUTOMATIC_UNCONFIRMED } from './constants';

export const AD_NAME = DISTRIBUTORS.automatic.name;

const CODES: Readonly<Record<string, ErrorCode>> = AUTOMATIC_UNCONFIRMED.errorCodes;
const FIELDS: Readonly<Record<string, string>> = AUTOMATIC_UNCONFIRMED.fields;

/** Our field for Automatic's `errors[].field` ("header.ponumber" → "poNumber"). */
function fieldOf(field: string | undefined): string | undefined {
	if (!field) return undefined;
	const prefix = Object.keys(FIELDS).find(
		(p) => field === p || field.startsWith(`${p}.`) || field.startsWith(`${p}[`)
	);
	return prefix ? FIELDS[prefix] : undefined;
}

/** A non-2xx answer, by the (invented) `errors[].code`, else by HTTP status. */
export function adFailure(answer: HttpAnswer, poNumber?: string): Err {
	const common = commonHttpError(answer, AD_NAME);
	if (common && !common.ok) return common;
	const parsed = AdError.safeParse(answer.json);
	const first = parsed.success ? parsed.data.errors[0] : undefined;
	const detail = parsed.success
		? parsed.data.errors.map((e) => e.message).join('; ')
		: answer.text.slice(0, 200) || `HTTP ${answer.status}`;
	const byStatus: ErrorCode | undefined =
		answer.status === 401 || answer.status === 403 ? 'auth' : undefined;
	const code = (first ? CODES[first.code.toUpperCase()] : undefined) ?? byStatus;
	const po = poNumber ? ` PO ${poNumber}` : ' the request';
	const field = fieldOf(first?.field);
	const extra = { detail, ...(field ? { field } : {}) };
	switch (code) {
		case 'auth':
			return err(
				'auth',
				`${AD_NAME} refused the API token. Check it in Settings › Order automation.`,
				{ detail }
			);
		case 'account_prerequisite':
			return err(
				'account_prerequisite',
				`${AD_NAME} will not take orders on this account yet. Contact ${DISTRIBUTORS.automatic.contact}.`,
				{ detail }
			);
		case 'duplicate_po':
			return err('duplicate_po', `${AD_NAME} already holds an order for${po}.`, extra);
		case 'unknown_sku':
			return err('unknown_sku', `${AD_NAME} does not know an item on${po}: ${detail}`, extra);
		case 'out_of_stock':
			return err('out_of_stock', `${AD_NAME} does not have the items on${po} in stock.`, extra);
		case 'invalid_address':
			return err('invalid_address', `${AD_NAME} refused the ship-to address of${po}.`, {
				detail,
				field: field ?? 'shipTo'
			});
		case undefined:
			break;
		default:
			return err(code, `${AD_NAME} refused${po}: ${detail}`, extra);
	}
	if (answer.status >= 400 && answer.status < 500) {
		return err('validation', `${AD_NAME} refused${po}: ${detail}`, extra);
	}
	return err('protocol', `${AD_NAME} sent an unexpected answer (HTTP ${answer.status}).`, {
		detail
	});
}
