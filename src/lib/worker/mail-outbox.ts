import { readSettings } from '$lib/db/writes';
import type { OutboxEmail } from '$lib/domain/outbox';
import { SmtpSettings } from '$lib/domain/smtp';
import type { ApiDeps } from './deps';
import { secretHint, type Sealed } from './secrets';

/** After this many failed attempts an email stops retrying by itself and waits for the dealer. */
export const MAX_ATTEMPTS = 5;

/** The SMTP settings with the password opened; null when none are saved or it cannot be opened. */
export async function readSmtp(deps: ApiDeps): Promise<SmtpSettings | null> {
	const row = (await deps.db.settings.get('smtp'))?.value as
		(SmtpSettings & { sealedPassword?: Sealed }) | undefined;
	if (!row) return null;
	const { sealedPassword, ...rest } = row;
	let password = rest.password;
	if (sealedPassword) {
		const opened = await deps.secrets.open(sealedPassword, 'smtp:password', 'mail server password');
		if (!opened.ok) return null;
		password = opened.value;
	}
	const parsed = SmtpSettings.safeParse({ ...rest, ...(password ? { password } : {}) });
	return parsed.success ? parsed.data : null;
}

/** Stores SMTP settings with the password sealed; a password left as its hint keeps the old one. */
export async function writeSmtp(deps: ApiDeps, smtp: SmtpSettings): Promise<void> {
	const current = (await deps.db.settings.get('smtp'))?.value as
		{ password?: string; sealedPassword?: Sealed } | undefined;
	const { password, ...rest } = smtp;
	let sealedPassword: Sealed | undefined;
	let hint: string | undefined;
	if (password && password === current?.password && current.sealedPassword) {
		sealedPassword = current.sealedPassword;
		hint = current.password;
	} else if (password) {
		sealedPassword = await deps.secrets.seal(password, 'smtp:password');
		hint = secretHint(password);
	}
	await deps.db.settings.put({
		key: 'smtp',
		value: { ...rest, ...(hint ? { password: hint, sealedPassword } : {}) }
	});
}

/** Claims an email for sending (compare-and-set), so two tabs or two rounds never send it twice. */
async function claim(
	deps: ApiDeps,
	id: string,
	from: readonly OutboxEmail['state'][]
): Promise<OutboxEmail | null> {
	return deps.writes.run(() =>
		deps.db.transaction('rw', deps.db.outbox, async () => {
			const email = await deps.db.outbox.get(id);
			if (!email || !from.includes(email.state)) return null;
			const next: OutboxEmail = { ...email, state: 'sending', attempts: email.attempts + 1 };
			await deps.db.outbox.put(next);
			return next;
		})
	);
}

/**
 * Sends queued emails through the mail transport. Automatic sending honours the dealer's switch;
 * `emailId` sends one by hand (also a failed one). Returns how many went and how many failed.
 */
export async function sendOutbox(
	deps: ApiDeps,
	options: { emailId?: string } = {}
): Promise<{ sent: number; failed: number }> {
	const settings = await readSettings(deps.db);
	if (!options.emailId && !settings.isAutoEmailOn) return { sent: 0, failed: 0 };
	const smtp = settings.mode === 'live' ? await readSmtp(deps) : null;
	const ids = options.emailId
		? [options.emailId]
		: (await deps.db.outbox.where('state').anyOf('queued', 'retrying').sortBy('createdAt')).map(
				(e) => e.id
			);
	let sent = 0;
	let failed = 0;
	for (const id of ids) {
		const email = await claim(
			deps,
			id,
			options.emailId ? ['queued', 'retrying', 'failed'] : ['queued', 'retrying']
		);
		if (!email) continue;
		const result = await deps.mail(smtp, {
			to: email.to,
			...(email.replyTo ? { replyTo: email.replyTo } : {}),
			subject: email.subject,
			text: email.text,
			html: email.html,
			idempotencyKey: email.id
		});
		await deps.writes.run(() =>
			deps.db.outbox.update(
				id,
				result.ok
					? {
							state: 'sent',
							messageId: result.value.messageId,
							sentAt: deps.now().toISOString(),
							lastError: undefined
						}
					: {
							state: email.attempts >= MAX_ATTEMPTS ? 'failed' : 'retrying',
							lastError: result.error.message
						}
			)
		);
		if (result.ok) sent += 1;
		else failed += 1;
	}
	return { sent, failed };
}

/** After a reload, an email left `sending` is retried: its outcome was never recorded. */
export async function resumeOutbox(deps: ApiDeps): Promise<void> {
	await deps.writes.run(() =>
		deps.db.outbox.where('state').equals('sending').modify({ state: 'retrying' })
	);
}
