import type { DistributorAdapter } from '$lib/distributors/types';
import { accountGap, hasCredentials } from '$lib/domain/account';
import { DISTRIBUTORS, type DistributorId } from '$lib/domain/distributor';
import { err, ok, type Result } from '$lib/domain/result';
import type { ApiDeps } from './deps';
import { auditSink } from './audit';
import { loadOrFail } from './code-load';
import { withAutomaticBase } from './transport';
import { openCredentials } from '../secrets/credentials';

/**
 * Builds a distributor's adapter from the saved account. Fails in the dealer's words when the
 * credentials are missing or the distributor is switched off.
 */
export async function adapterFor(
	deps: ApiDeps,
	distributorId: DistributorId,
	options: { requireEnabled?: boolean } = {}
): Promise<Result<DistributorAdapter>> {
	const name = DISTRIBUTORS[distributorId].name;
	const account = await deps.db.distributors.get(distributorId);
	if (!account || !hasCredentials(account)) {
		return err('auth', `Enter your ${name} credentials in Settings › Order automation first.`);
	}
	// Not a network fault: nothing is sent, and nothing is retried, until the dealer fixes it.
	const gap = accountGap(account);
	if (gap) return err('not_enabled', `${gap}. Enter it in Settings › Order automation.`);
	if ((options.requireEnabled ?? true) && !account.isEnabled) {
		return err('not_enabled', `${name} is switched off in Settings › Order automation.`);
	}
	const paused = deps.circuits.pausedReason(distributorId, deps.now());
	if (paused) return err('transient', paused);
	const credentials = await openCredentials(deps, account);
	if (!credentials.ok) return credentials;
	const adapter = await loadOrFail(name, () =>
		deps.adapters(distributorId, {
			// Automatic's address is the dealer's: the live transport routes it by this mark.
			fetch:
				distributorId === 'automatic'
					? withAutomaticBase(deps.fetch, credentials.value.apiBaseUrl)
					: deps.fetch,
			credentials: credentials.value,
			audit: auditSink(deps.db, distributorId, deps.now),
			now: deps.now
		})
	);
	if (!adapter.ok) return adapter;
	return adapter.value
		? ok(deps.circuits.wrap(adapter.value, deps.now))
		: err('not_supported', `${name} is not connected in this version yet.`);
}
