import { readSettings } from '$lib/db/writes';
import type { OutboxEmail } from '$lib/domain/outbox';
import { ok, type AppError, type Result } from '$lib/domain/result';
import { SmtpSettings } from '$lib/domain/smtp';
import type { ApiDeps } from '../core/deps';
import { secretHint, type Sealed } from '../secrets/sealing';
import { claimEmail } from '../sync/claims';
import { holdIfSuppressed, recordHardBounce } from './suppressions';
import { readSetting } from '$lib/db/setting-rows';
import type { SmtpRow } from '$lib/domain/setting-rows';

/** After this many failed attempts an email stops retrying by itself and waits for the dealer. */
export const MAX_ATTEMPTS = 5;

/**
 * The SMTP settings with the password opened; null when none are saved. `locked` or `auth` when
 * the password cannot be opened now.
 */
export async function openSmtp(deps: ApiDeps): Promise<Result<SmtpSettings | null>> {
	return openSmtpRow(deps, await readSetting(deps.db, 'smtp'));
}

/** `openSmtp` for a row already read (a backup's snapshot): the same answers. */
export async function openSmtpRow(
	deps: ApiDeps,
	row: SmtpRow | undefined
): Promise<Result<SmtpSettings | null>> {
	if (!row) return ok(null);
	const { sealedPassword, ...rest } = row;
	let password = rest.password;
	if (sealedPassword) {
		const opened = await deps.secrets.open(sealedPassword, 'smtp:password', 'mail server password');
		if (!opened.ok) return opened;
		password = opened.value;
	}
	const parsed = SmtpSettings.safeParse({ ...rest, ...(password ? { password } : {}) });
	return ok(parsed.success ? parsed.data : null);
}

/** The SMTP settings with the password opened; null when none are saved or it cannot be opened. */
export async function readSmtp(deps: ApiDeps): Promise<SmtpSettings | null> {
	const opened = await openSmtp(deps);
	return opened.ok ? opened.value : null;
}

/**
 * Stores SMTP settings with the password sealed; a password left as its hint keeps the old one.
 * `locked` while the passphrase lock is set and not unlocked.
 */
export async function writeSmtp(deps: ApiDeps, smtp: SmtpSettings): Promise<Result<void>> {
	const current = await readSetting(deps.db, 'smtp');
	const { password, ...rest } = smtp;
	let sealedPassword: Sealed | undefined;
	let hint: string | undefined;
	if (password && password === current?.password && current.sealedPassword) {
		sealedPassword = current.sealedPassword;
		hint = current.password;
	} else if (password) {
		const sealed = await deps.secrets.seal(password, 'smtp:password');
		if (!sealed.ok) return sealed;
		sealedPassword = sealed.value;
		hint = secretHint(password);
	}
	await deps.db.settings.put({
		key: 'smtp',
		value: { ...rest, ...(hint ? { password: hint, sealedPassword } : {}) }
	});
	return ok();
}

/**
 * Claims an email for sending (compare-and-set), so two tabs or two rounds never send it twice.
 * Returns it as claimed, and as it was (to put it back when another device sends it).
 */
async function claim(
	deps: ApiDeps,
	id: string,
	from: readonly OutboxEmail['state'][]
): Promise<{ email: OutboxEmail; was: OutboxEmail } | null> {
	return deps.writes.run(() =>
		deps.db.transaction('rw', deps.db.outbox, async () => {
			const was = await deps.db.outbox.get(id);
			if (!was || !from.includes(was.state)) return null;
			const email: OutboxEmail = { ...was, state: 'sending', attempts: was.attempts + 1 };
			await deps.db.outbox.put(email);
			return { email, was };
		})
	);
}

/**
 * On a synced shop, the email is claimed on the server too: true when this device may send it.
 * Otherwise it goes back as it was, saying why (another device sends it; the server cannot be
 * asked), and is tried again next round; the other device's `sent` arrives through sync.
 */
async function isOursToSend(deps: ApiDeps, email: OutboxEmail, was: OutboxEmail) {
	// Only while still ours as `sending`: the other device's `sent` may have arrived meanwhile.
	const putBack = async (why: string) => {
		await deps.writes.run(() =>
			deps.db.outbox
				.where('id')
				.equals(email.id)
				.and((e) => e.state === 'sending')
				.modify({ state: was.state, attempts: was.attempts, lastError: why })
		);
		return false;
	};
	const held = await claimEmail(deps, email);
	if (!held.ok) return putBack(held.error.message);
	if (held.value.kind === 'claimed' || held.value.kind === 'not_synced') return true;
	return putBack(`Device ${held.value.device} is sending this email; it is not sent from here.`);
}

type SendSummary = { sent: number; failed: number; heldBack?: AppError };

/**
 * Sends queued emails through the mail transport. Automatic sending honours the dealer's switch;
 * `emailId` sends one by hand (also a failed one). Emails to a suppressed address are held, and a
 * hard bounce suppresses its address. Returns how many went and how many failed or were held;
 * `heldBack` is `conflict` while another tab (or round) is sending.
 *
 * Every sender holds the cross-tab `mail` lock, so an email found `sending` by a holder of the lock
 * was claimed by a tab that closed before it wrote the outcome: it is retried (`resumeOutbox`).
 */
export async function sendOutbox(
	deps: ApiDeps,
	options: { emailId?: string } = {}
): Promise<SendSummary> {
	// One sender at a time across tabs: while a tab holds the lock, an email it left `sending` is
	// its own; under the lock, one left `sending` belongs to a tab that closed, and goes again.
	const round = await deps.locks.runExclusive(OUTBOX_LOCK, async () => {
		await putBackStranded(deps);
		return sendNow(deps, options);
	});
	return (
		round ?? {
			sent: 0,
			failed: 0,
			heldBack: {
				code: 'conflict',
				message: 'Emails are being sent right now: try again in a moment.'
			}
		}
	);
}

/** The one lock every outbox sender and the start-up resume take, across tabs. */
export const OUTBOX_LOCK = 'mail-outbox';

async function sendNow(deps: ApiDeps, options: { emailId?: string }): Promise<SendSummary> {
	const settings = await readSettings(deps.db);
	if (!options.emailId && !settings.isAutoEmailOn) return { sent: 0, failed: 0 };
	// In live mode a null SMTP would mean the simulated transport: an email marked sent that never
	// left. Without a readable password (locked, damaged, never saved) the emails wait instead.
	let smtp: SmtpSettings | null = null;
	if (settings.mode === 'live') {
		const opened = await openSmtp(deps);
		if (!opened.ok) return { sent: 0, failed: 0, heldBack: opened.error };
		if (!opened.value) {
			return {
				sent: 0,
				failed: 0,
				heldBack: {
					code: 'validation',
					message: 'Save your mail server settings in Settings › Email first.'
				}
			};
		}
		smtp = opened.value;
	}
	const ids = options.emailId
		? [options.emailId]
		: (await deps.db.outbox.where('state').anyOf('queued', 'retrying').sortBy('createdAt')).map(
				(e) => e.id
			);
	let sent = 0;
	let failed = 0;
	for (const id of ids) {
		if (await holdIfSuppressed(deps, id)) {
			failed += 1;
			continue;
		}
		const claimed = await claim(
			deps,
			id,
			options.emailId ? ['queued', 'retrying', 'failed'] : ['queued', 'retrying']
		);
		if (!claimed) continue;
		const { email } = claimed;
		if (!(await isOursToSend(deps, email, claimed.was))) continue;
		const result = await deps.mail(smtp, {
			to: email.to,
			...(email.replyTo ? { replyTo: email.replyTo } : {}),
			subject: email.subject,
			text: email.text,
			html: email.html,
			idempotencyKey: email.id
		});
		if (!result.ok && result.error.code === 'invalid_address') {
			await recordHardBounce(deps, email, result.error.message);
			failed += 1;
			continue;
		}
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

/**
 * On opening the app: an email left `sending` by a tab that closed mid-send is retried (with the
 * same key, so the mail endpoint does not send it twice). Skipped while another tab is sending:
 * its `sending` emails are its own. Returns how many were put back.
 */
export async function resumeOutbox(deps: ApiDeps): Promise<number> {
	const resumed = await deps.locks.runExclusive(OUTBOX_LOCK, () => putBackStranded(deps));
	return resumed ?? 0;
}

/** Only under the outbox lock, where no other sender can be in the middle of an email. */
function putBackStranded(deps: ApiDeps): Promise<number> {
	return deps.writes.run(() =>
		deps.db.outbox.where('state').equals('sending').modify({ state: 'retrying' })
	);
}
