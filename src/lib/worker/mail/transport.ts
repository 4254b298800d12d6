import ky, { TimeoutError } from 'ky';
import { err, ok } from '$lib/domain/result';
import { MailResponse } from '$lib/domain/smtp';
import type { MailTransport } from '../core/deps';

/**
 * The worker's side of email: posts each message with the dealer's SMTP settings to the proxy
 * side's /mail endpoint, which sends it with nodemailer. With no SMTP settings (demo mode) the
 * transport is simulated: the email is kept in the outbox with a demo message id. A permanent
 * refusal of the recipient comes back as `invalid_address`, anything else that failed `transient`.
 */
export function createMailTransport(
	origin: string,
	fetchImpl: typeof fetch = fetch
): MailTransport {
	return async (smtp, message) => {
		if (smtp === null) {
			return ok({ messageId: `<demo-${message.idempotencyKey}@dropship-desk.demo>` });
		}
		try {
			const response = await ky.post(`${origin}/mail`, {
				json: { smtp, message },
				fetch: fetchImpl,
				timeout: 30_000,
				retry: 0,
				throwHttpErrors: false,
				headers: { 'x-dropship-desk': '1' }
			});
			const parsed = MailResponse.safeParse(await response.json().catch(() => null));
			if (!parsed.success)
				return err(
					'protocol',
					`The mail endpoint answered ${response.status} with something unexpected.`
				);
			if (parsed.data.ok) return ok({ messageId: parsed.data.messageId });
			// "Could not reach the mail server smtp.x: the connection was refused." stands alone.
			if (parsed.data.reason) return err('transient', parsed.data.message);
			return parsed.data.isHardBounce
				? err(
						'invalid_address',
						`The mail server refused ${message.to} permanently: ${parsed.data.message}`
					)
				: err('transient', `The mail server did not take the email: ${parsed.data.message}`);
		} catch (cause) {
			return err(
				'transient',
				cause instanceof TimeoutError
					? 'The mail server did not answer in time.'
					: 'Could not reach the mail endpoint.'
			);
		}
	};
}
