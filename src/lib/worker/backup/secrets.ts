import { hasCredentials, type Credentials, type DistributorAccount } from '$lib/domain/account';
import { BackupSecrets, type BackupTable } from '$lib/domain/backup';
import { DISTRIBUTORS } from '$lib/domain/distributor';
import { err, ok, type Result } from '$lib/domain/result';
import type { PassphraseSealed } from '$lib/domain/sealed';
import { openCredentials, sealAccount } from '../secrets/credentials';
import type { ApiDeps } from '../core/deps';
import { openSmtpRow } from '../mail/outbox';
import type { BackupSnapshot } from './snapshot';
import { openWithPassphrase, sealWithPassphrase } from '../secrets/passphrase';
import { secretHint } from '../secrets/sealing';
import { readSetting } from '$lib/db/setting-rows';

/** Bound to the export time: a secrets blob pasted into another backup file does not open. */
const context = (exportedAt: string) => `dropship-desk-backup:${exportedAt}`;

const secretKeys = (account: Pick<DistributorAccount, 'id'>) =>
	DISTRIBUTORS[account.id].credentialFields.filter((f) => f.isSecret).map((f) => f.key);

/** A row as it goes into a backup: secret fields, their hints and their ciphertexts left out. */
export function withoutSecrets(
	table: BackupTable,
	row: Record<string, unknown>
): Record<string, unknown> {
	if (table === 'distributors') {
		const { sealed: _sealed, ...rest } = row;
		const credentials = { ...(row.credentials as Record<string, unknown>) };
		for (const key of secretKeys(row as DistributorAccount)) delete credentials[key];
		return { ...rest, credentials };
	}
	if (table === 'settings' && row.key === 'storefront') {
		// The store's keys are sealed under this browser's key; without them the dealer reconnects.
		const { sealed: _sealed, ...connection } = row.value as Record<string, unknown>;
		const credentials = { ...(connection.credentials as Record<string, unknown>) };
		for (const key of ['accessToken', 'consumerKey', 'consumerSecret']) delete credentials[key];
		return { ...row, value: { ...connection, credentials } };
	}
	if (table === 'settings' && row.key === 'smtp') {
		const {
			password: _password,
			sealedPassword: _sealedPassword,
			...smtp
		} = row.value as Record<string, unknown>;
		return { ...row, value: smtp };
	}
	return row;
}

/**
 * Every saved secret (as in `snapshot` when given, else as saved now), opened here and sealed
 * under the dealer's export passphrase (PBKDF2-SHA-256, 600,000 iterations, fresh salt and IV). `locked` or `auth` when a saved secret
 * cannot be opened: nothing is exported then.
 */
export async function exportSecrets(
	deps: ApiDeps,
	passphrase: string,
	exportedAt: string,
	snapshot?: Pick<BackupSnapshot, 'accounts' | 'smtp'>
): Promise<Result<PassphraseSealed>> {
	const distributors: Record<string, Credentials> = {};
	const accounts = snapshot?.accounts ?? (await deps.db.distributors.toArray());
	for (const account of accounts) {
		const opened = await openCredentials(deps, account);
		if (!opened.ok) return opened;
		const secrets = Object.fromEntries(
			secretKeys(account).flatMap((key) => (opened.value[key] ? [[key, opened.value[key]]] : []))
		);
		if (Object.keys(secrets).length > 0) distributors[account.id] = secrets;
	}
	const smtp = await openSmtpRow(
		deps,
		snapshot ? snapshot.smtp : await readSetting(deps.db, 'smtp')
	);
	if (!smtp.ok) return smtp;
	const payload: BackupSecrets = {
		distributors,
		...(smtp.value?.password ? { smtpPassword: smtp.value.password } : {})
	};
	return ok(await sealWithPassphrase(passphrase, JSON.stringify(payload), context(exportedAt)));
}

/** The rows and settings a restore writes to put the backup's secrets back, sealed here. */
export interface RestoredSecrets {
	accounts: DistributorAccount[];
	smtp: Record<string, unknown> | null;
}

/**
 * Opens a backup's secrets with the passphrase and re-seals them for this browser, before any
 * transaction starts (crypto inside a Dexie transaction would commit it early). `auth` for a
 * wrong passphrase, `validation` for a damaged blob, `locked` while this browser's lock is set.
 */
export async function restoreSecrets(
	deps: ApiDeps,
	sealed: PassphraseSealed,
	exportedAt: string,
	passphrase: string,
	rows: { accounts: DistributorAccount[]; smtp: Record<string, unknown> | null }
): Promise<Result<RestoredSecrets>> {
	const text = await openWithPassphrase(passphrase, sealed, context(exportedAt));
	if (text === null) {
		return err(
			'auth',
			'That passphrase does not open the credentials in this backup. Nothing was restored.'
		);
	}
	let secrets: BackupSecrets;
	try {
		secrets = BackupSecrets.parse(JSON.parse(text));
	} catch {
		return err('validation', "The backup's credentials are damaged. Nothing was restored.");
	}
	const accounts: DistributorAccount[] = [];
	for (const account of rows.accounts) {
		const extra = secrets.distributors[account.id];
		if (!extra) continue;
		const resealed = await sealAccount(deps, account, { ...account.credentials, ...extra });
		if (!resealed.ok) return resealed;
		accounts.push(resealed.value);
	}
	let smtp = rows.smtp;
	if (smtp && secrets.smtpPassword) {
		const sealedPassword = await deps.secrets.seal(secrets.smtpPassword, 'smtp:password');
		if (!sealedPassword.ok) return sealedPassword;
		smtp = {
			...smtp,
			password: secretHint(secrets.smtpPassword),
			sealedPassword: sealedPassword.value
		};
	}
	return ok({ accounts, smtp });
}

/** What the dealer must type again after a restore: enabled distributors without secrets, SMTP. */
export async function missingCredentials(deps: ApiDeps): Promise<string[]> {
	const missing = (await deps.db.distributors.toArray())
		.filter((a) => a.isEnabled && !hasCredentials(a))
		.map((a) => `${DISTRIBUTORS[a.id].name} credentials`);
	const smtp = await readSetting(deps.db, 'smtp');
	if (smtp?.user && !smtp.password) missing.push('mail server password');
	return missing;
}
