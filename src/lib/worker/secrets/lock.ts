import type { DistributorAccount } from '$lib/domain/account';
import { ok, type Result } from '$lib/domain/result';
import type { PassphraseSealed } from '$lib/domain/sealed';
import { openCredentials, sealAccount } from './credentials';
import type { ApiDeps } from '../core/deps';
import { deleteSetting, readSetting, writeSetting } from '$lib/db/setting-rows';
import { resealSources } from '../feeds/sources';

/**
 * Moves every secret from one key to another: all are opened and re-sealed (fresh IVs) first,
 * then written with the lock row in one transaction, so a crash leaves either the old key's
 * secrets and lock or the new ones, never a mix. `auth` when a secret cannot be opened.
 */
export async function reseal(
	deps: Pick<ApiDeps, 'db' | 'secrets'>,
	from: CryptoKey,
	to: CryptoKey,
	lockRow: PassphraseSealed | null
): Promise<Result<void>> {
	const accounts: DistributorAccount[] = [];
	for (const account of await deps.db.distributors.toArray()) {
		const opened = await openCredentials(deps, account, from);
		if (!opened.ok) return opened;
		const sealed = await sealAccount(deps, account, opened.value, to);
		if (!sealed.ok) return sealed;
		accounts.push(sealed.value);
	}
	const smtp = await readSetting(deps.db, 'smtp');
	let nextSmtp = smtp;
	if (smtp?.sealedPassword) {
		const password = await deps.secrets.open(
			smtp.sealedPassword,
			'smtp:password',
			'mail server password',
			from
		);
		if (!password.ok) return password;
		const sealed = await deps.secrets.seal(password.value, 'smtp:password', to);
		if (!sealed.ok) return sealed;
		nextSmtp = { ...smtp, sealedPassword: sealed.value };
	}
	// The feed sources' FTP and portal passwords move with them.
	const sources = await resealSources(deps, from, to);
	if (!sources.ok) return sources;
	await deps.db.transaction('rw', deps.db.distributors, deps.db.settings, async () => {
		await deps.db.distributors.bulkPut(accounts);
		if (sources.value) await writeSetting(deps.db, 'feedSources', sources.value);
		if (nextSmtp) await deps.db.settings.put({ key: 'smtp', value: nextSmtp });
		if (lockRow) await writeSetting(deps.db, 'secretLock', lockRow);
		else await deleteSetting(deps.db, 'secretLock');
	});
	return ok();
}
