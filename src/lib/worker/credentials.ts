import type { Credentials, DistributorAccount } from '$lib/domain/account';
import { DISTRIBUTORS } from '$lib/domain/distributor';
import { ok, type Result } from '$lib/domain/result';
import type { ApiDeps } from './deps';
import { secretHint } from './secrets';

const context = (account: Pick<DistributorAccount, 'id'>, field: string) =>
	`${account.id}:${field}`;

/** Seals the secret fields of an account's credentials; the rest stays readable. */
export async function sealAccount(
	deps: Pick<ApiDeps, 'secrets'>,
	account: DistributorAccount,
	credentials: Credentials
): Promise<DistributorAccount> {
	const visible: Credentials = {};
	const sealed: NonNullable<DistributorAccount['sealed']> = {};
	for (const field of DISTRIBUTORS[account.id].credentialFields) {
		const value = credentials[field.key];
		if (!value) continue;
		if (field.isSecret) {
			sealed[field.key] = await deps.secrets.seal(value, context(account, field.key));
			visible[field.key] = secretHint(value);
		} else {
			visible[field.key] = value;
		}
	}
	return { ...account, credentials: visible, sealed };
}

/** The credentials an adapter needs, secrets opened. `auth` when a secret cannot be opened. */
export async function openCredentials(
	deps: Pick<ApiDeps, 'secrets'>,
	account: DistributorAccount
): Promise<Result<Credentials>> {
	const credentials: Credentials = { ...account.credentials };
	for (const field of DISTRIBUTORS[account.id].credentialFields) {
		const sealed = account.sealed?.[field.key];
		if (!field.isSecret || !sealed) continue;
		const opened = await deps.secrets.open(
			sealed,
			context(account, field.key),
			`${DISTRIBUTORS[account.id].name} ${field.label}`
		);
		if (!opened.ok) return opened;
		credentials[field.key] = opened.value;
	}
	return ok(credentials);
}

/** Accounts saved before sealing existed (or seeded) keep plaintext secrets: seal them now. */
export async function sealPlaintextSecrets(deps: Pick<ApiDeps, 'db' | 'secrets'>): Promise<void> {
	for (const account of await deps.db.distributors.toArray()) {
		const plain = DISTRIBUTORS[account.id].credentialFields.some(
			(f) => f.isSecret && account.credentials[f.key] && !account.sealed?.[f.key]
		);
		if (plain)
			await deps.db.distributors.put(await sealAccount(deps, account, account.credentials));
	}
}
