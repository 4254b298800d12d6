import { z } from 'zod';
import { readSettings } from '$lib/db/writes';
import { EmailTemplates } from '$lib/domain/email-template';
import { err, ok } from '$lib/domain/result';
import { SmtpSettings } from '$lib/domain/smtp';
import type { ApiDeps } from '../core/deps';
import { handler } from '../core/handler';
import { openSmtp, resumeOutbox, sendOutbox, writeSmtp } from './outbox';
import { liftSuppression } from './suppressions';

export function mailApi(deps: ApiDeps) {
	return {
		/** `validation` naming the field; `locked` while the passphrase lock is set. */
		saveSmtp: handler(SmtpSettings, (smtp) => deps.writes.run(() => writeSmtp(deps, smtp))),
		saveTemplates: handler(EmailTemplates, (templates) =>
			deps.writes.run(async () => {
				await deps.db.settings.put({ key: 'emailTemplates', value: templates });
				return ok();
			})
		),
		/** Sends one email by hand (a failed one too). `not_found` or the mail server's reason. */
		sendOne: handler(z.object({ emailId: z.string() }), async (input) => {
			const email = await deps.db.outbox.get(input.emailId);
			if (!email) return err('not_found', 'That email is not in the outbox any more.');
			const result = await sendOutbox(deps, { emailId: input.emailId });
			if (result.heldBack) return err(result.heldBack.code, result.heldBack.message);
			if (result.sent === 1) return ok();
			const latest = await deps.db.outbox.get(input.emailId);
			return err('transient', latest?.lastError ?? 'The email could not be sent.');
		}),
		/** The dealer fixed a bounced address: its held emails are queued again. Never fails. */
		liftSuppression: handler(z.object({ address: z.string().min(1) }), (input) =>
			liftSuppression(deps, input.address).then((requeued) => ok({ requeued }))
		),
		/**
		 * On opening the app: emails a closed tab left half-sent go back in the queue (sent by the
		 * next round, with their first key). Returns how many. Never fails.
		 */
		resumeAfterRestart: handler(z.object({}), async () =>
			ok({ resumed: await resumeOutbox(deps) })
		),
		/** Sends what is queued now (automatic sending honoured). */
		sendQueued: handler(z.object({}), async () => ok(await sendOutbox(deps))),
		/** Checks the SMTP settings with a real email to the dealer's own address. */
		sendTest: handler(z.object({ to: z.email('is not an email address') }), async (input) => {
			const settings = await readSettings(deps.db);
			const opened = settings.mode === 'live' ? await openSmtp(deps) : ok(null);
			if (!opened.ok) return opened;
			const smtp = opened.value;
			if (settings.mode === 'live' && !smtp)
				return err('validation', 'Save your mail server settings first.');
			const result = await deps.mail(smtp, {
				to: input.to,
				subject: `Test email from ${settings.dealer.name} (Dropship Desk)`,
				text: 'If you can read this, Dropship Desk can send your shipment emails.',
				html: '<p>If you can read this, Dropship Desk can send your shipment emails.</p>',
				idempotencyKey: `test-${deps.newId()}`
			});
			return result.ok
				? ok({ messageId: result.value.messageId, isSimulated: smtp === null })
				: result;
		})
	};
}
