import type { Credentials, DistributorAccount } from '$lib/domain/account';
import { DISTRIBUTORS } from '$lib/domain/distributor';
import { ok, type Result } from '$lib/domain/result';
import type { ApiDeps } from '../core/deps';
import { secretHint } from './sealing';

const context = (account: Pick<DistributorAccount, 'id'>, field: string) =>
	`${account.id}:${field}`;

/**
 * Seals the secret fields of an account's credentials; the rest stays readable. `locked` while
 * the passphrase lock is set and not unlocked.
 */
export async function sealAccount(
	deps: Pick<ApiDeps, 'secrets'>,
	account: DistributorAccount,
	credentials: Credentials,
	key?: CryptoKey
): Promise<Result<DistributorAccount>> {
	const visible: Credentials = {};
	const sealed: NonNullable<DistributorAccount['sealed']> = {};
	for (const field of DISTRIBUTORS[account.id].credentialFields) {
		const value = credentials[field.key];
		if (!value) continue;
		if (field.isSecret) {
			const result = await deps.secrets.seal(value, context(account, field.key), key);
			if (!result.ok) return result;
			sealed[field.key] = result.value;
			visible[field.key] = secretHint(value);
		} else {
			visible[field.key] = value;
		}
	}
	return ok({ ...account, credentials: visible, sealed });
}

/**
 * The credentials an adapter needs, secrets opened. `auth` when a secret cannot be opened,
 * `locked` while the passphrase lock is set and not unlocked.
 */
export async function openCredentials(
	deps: Pick<ApiDeps, 'secrets'>,
	account: DistributorAccount,
	key?: CryptoKey
): Promise<Result<Credentials>> {
	const credentials: Credentials = { ...account.credentials };
	for (const field of DISTRIBUTORS[account.id].credentialFields) {
		const sealed = account.sealed?.[field.key];
		if (!field.isSecret || !sealed) continue;
		const opened = await deps.secrets.open(
			sealed,
			context(account, field.key),
			`${DISTRIBUTORS[account.id].name} ${field.label}`,
			key
		);
		if (!opened.ok) return opened;
		credentials[field.key] = opened.value;
	}
	return ok(credentials);
}

/**
 * Accounts saved before sealing existed (or seeded) keep plaintext secrets: seal them now. While
 * locked they wait for the next start after an unlock.
 */
export async function sealPlaintextSecrets(deps: Pick<ApiDeps, 'db' | 'secrets'>): Promise<void> {
	for (const account of await deps.db.distributors.toArray()) {
		const plain = DISTRIBUTORS[account.id].credentialFields.some(
			(f) => f.isSecret && account.credentials[f.key] && !account.sealed?.[f.key]
		);
		if (!plain) continue;
		const sealed = await sealAccount(deps, account, account.credentials);
		if (sealed.ok) await deps.db.distributors.put(sealed.value);
	}
}
