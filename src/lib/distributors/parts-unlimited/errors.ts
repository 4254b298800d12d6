import { DISTRIBUTORS } from '$lib/domain/distributor';
import { err, type Err } from '$lib/domain/result';
import { commonHttpError, type HttpAnswer } from '../http';
import { PuError } from './api-schemas';
import { PU_UNCONFIRMED } from './constants';

export const PU_NAME = DISTRIBUTORS.pu.name;

/** The message PU gave, whatever shape carried it: `message`, `status_message` or mainframe text. */
export function puText(answer: HttpAnswer): string {
	const parsed = PuError.safeParse(answer.json);
	return parsed.success ? parsed.data.message : answer.text.slice(0, 300);
}

/** An HTTP-level failure (not 2xx). */
export function puHttpFailure(answer: HttpAnswer, dealer: string): Err {
	const common = commonHttpError(answer, PU_NAME);
	if (common && !common.ok) return common;
	const detail = puText(answer) || `HTTP ${answer.status}`;
	if (answer.status === 401 || answer.status === 403) return authFailure(dealer, detail);
	if (answer.status === 400 || answer.status === 422) {
		return err('validation', `${PU_NAME} refused the request: ${detail}`, { detail });
	}
	return err('protocol', `${PU_NAME} sent an unexpected answer (HTTP ${answer.status}).`, {
		detail
	});
}

export function authFailure(dealer: string, detail: string): Err {
	return err(
		'auth',
		`${PU_NAME} refused the API key for dealer ${dealer || '(no dealer number)'}. Check both in Settings › Order automation.`,
		{ detail }
	);
}

/** A business refusal of an order (`status_code` ≠ success, or `mainframeErrors`), by its text. */
export function orderRefusal(text: string, dealer: string, po: string): Err {
	const p = PU_UNCONFIRMED.errors;
	const detail = text;
	if (p.notEnabledPattern.test(text)) {
		return err(
			'not_enabled',
			`${PU_NAME} has not enabled drop-ship for dealer ${dealer}. Ask ${DISTRIBUTORS.pu.contact}.`,
			{ detail }
		);
	}
	if (p.authPattern.test(text)) return authFailure(dealer, detail);
	if (p.unknownPartPattern.test(text)) {
		return err('unknown_sku', `${PU_NAME} does not know a part on PO ${po}: ${text}`, { detail });
	}
	if (p.duplicatePattern.test(text)) {
		return err('duplicate_po', `${PU_NAME} already holds an order for PO ${po}.`, { detail });
	}
	if (p.stockPattern.test(text)) {
		return err('out_of_stock', `${PU_NAME} does not have the parts of PO ${po} in stock.`, {
			detail
		});
	}
	if (p.addressPattern.test(text)) {
		return err('invalid_address', `${PU_NAME} refused the ship-to address of PO ${po}: ${text}`, {
			detail,
			field: 'shipTo'
		});
	}
	if (p.pricePattern.test(text)) {
		return err('price_changed', `${PU_NAME} refused a price on PO ${po}: ${text}`, { detail });
	}
	return err('validation', `${PU_NAME} refused PO ${po}: ${text || 'no reason given'}`, { detail });
}
