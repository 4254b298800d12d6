import { normalizeAddress, type OutboxEmail } from '$lib/domain/outbox';
import type { ApiDeps } from '../core/deps';

/**
 * Hard-bounce suppression (reliability.md §6, MAIL-5): once a mail server refuses an address
 * permanently, nothing more is sent to it. Later emails to it are kept as `suppressed` with the
 * reason in the outbox, so the dealer sees why a buyer heard nothing.
 */

const suppressedMessage = (address: string, reason: string, at: string) =>
	`Not sent: ${address} was refused permanently on ${at.slice(0, 10)} (${reason}). Check the buyer's address.`;

/** Marks a waiting email `suppressed` when its address is; true when it did. */
export async function holdIfSuppressed(deps: ApiDeps, id: string): Promise<boolean> {
	return deps.writes.run(() =>
		deps.db.transaction('rw', deps.db.outbox, deps.db.suppressions, async () => {
			const email = await deps.db.outbox.get(id);
			if (!email || email.state === 'sent' || email.state === 'sending') return false;
			const suppression = await deps.db.suppressions.get(normalizeAddress(email.to));
			if (!suppression) return false;
			await deps.db.outbox.update(id, {
				state: 'suppressed',
				lastError: suppressedMessage(email.to, suppression.reason, suppression.at)
			});
			return true;
		})
	);
}

/** Records a hard bounce: the address is suppressed and this email says why, in one transaction. */
export async function recordHardBounce(
	deps: ApiDeps,
	email: OutboxEmail,
	reason: string
): Promise<void> {
	const at = deps.now().toISOString();
	await deps.writes.run(() =>
		deps.db.transaction('rw', deps.db.outbox, deps.db.suppressions, async () => {
			await deps.db.suppressions.put({
				address: normalizeAddress(email.to),
				at,
				reason,
				emailId: email.id
			});
			await deps.db.outbox.update(email.id, { state: 'suppressed', lastError: reason });
		})
	);
}

/** The dealer fixed or vouched for the address: lift it and queue its held emails again. */
export async function liftSuppression(deps: ApiDeps, address: string): Promise<number> {
	const key = normalizeAddress(address);
	return deps.writes.run(() =>
		deps.db.transaction('rw', deps.db.outbox, deps.db.suppressions, async () => {
			await deps.db.suppressions.delete(key);
			return deps.db.outbox
				.where('state')
				.equals('suppressed')
				.filter((e) => normalizeAddress(e.to) === key)
				.modify({ state: 'queued', lastError: undefined });
		})
	);
}
