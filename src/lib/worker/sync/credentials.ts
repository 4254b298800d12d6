import type { DistributorAccount } from '$lib/domain/account';
import { PassphraseSealed } from '$lib/domain/sealed';
import { err, ok, type Result } from '$lib/domain/result';
import { z } from 'zod';
import type { ApiDeps } from '../core/deps';
import { exportSecrets, restoreSecrets, withoutSecrets } from '../backup/secrets';

/** Shared settings row carrying the shop's credentials, sealed, from one device to the others. */
export const SHARED_CREDENTIALS_KEY = 'sharedCredentials';

const SharedCredentials = z.object({
	sealed: PassphraseSealed,
	sharedAt: z.string(),
	accounts: z.array(z.record(z.string(), z.unknown())),
	smtp: z.record(z.string(), z.unknown()).nullable()
});

/**
 * Seals this device's credentials under the shop passphrase, in the backup format (PBKDF2, fresh
 * salt and IV, bound to the moment of sharing), beside the accounts with their secret fields
 * removed; only that row travels. `locked`/`auth` when a saved secret cannot be opened here.
 */
export async function shareCredentials(
	deps: ApiDeps,
	passphrase: string
): Promise<Result<{ accounts: number }>> {
	const sharedAt = deps.now().toISOString();
	const sealed = await exportSecrets(deps, passphrase, sharedAt);
	if (!sealed.ok) return sealed;
	const accounts = (await deps.db.distributors.toArray()).map((a) =>
		withoutSecrets('distributors', a as unknown as Record<string, unknown>)
	);
	const smtpRow = await deps.db.settings.get('smtp');
	const smtp = smtpRow
		? (withoutSecrets('settings', smtpRow as unknown as Record<string, unknown>).value as Record<
				string,
				unknown
			>)
		: null;
	await deps.writes.run(() =>
		deps.db.settings.put({
			key: SHARED_CREDENTIALS_KEY,
			value: { sealed: sealed.value, sharedAt, accounts, smtp }
		})
	);
	return ok({ accounts: accounts.length });
}

/**
 * Opens the credentials another device shared, with the shop passphrase, and seals them for this
 * browser. `not_found` when none arrived yet, `auth` for a wrong passphrase.
 */
export async function receiveCredentials(
	deps: ApiDeps,
	passphrase: string
): Promise<Result<{ accounts: number }>> {
	const parsed = SharedCredentials.safeParse(
		(await deps.db.settings.get(SHARED_CREDENTIALS_KEY))?.value
	);
	if (!parsed.success)
		return err('not_found', 'No device has shared its credentials through sync yet.');
	const shared = parsed.data;
	const restored = await restoreSecrets(deps, shared.sealed, shared.sharedAt, passphrase, {
		accounts: shared.accounts as unknown as DistributorAccount[],
		smtp: shared.smtp
	});
	if (!restored.ok) return restored;
	await deps.writes.run(async () => {
		await deps.db.distributors.bulkPut(restored.value.accounts);
		if (restored.value.smtp)
			await deps.db.settings.put({ key: 'smtp', value: restored.value.smtp });
	});
	return ok({ accounts: restored.value.accounts.length });
}
