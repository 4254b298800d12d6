import type { OutboxEmail } from '$lib/domain/outbox';
import type { PoLine, PurchaseOrder } from '$lib/domain/purchase-order';
import { err, ok, type Result } from '$lib/domain/result';
import type { ApiDeps } from '../core/deps';
import { authOf, databaseUrl, readSyncConfig } from './config';
import type { ClaimDoc } from './engine';

export type ClaimOutcome =
	| { kind: 'not_synced' }
	| { kind: 'claimed' }
	/** Another device's PO (or, for an email, another device) holds it. */
	| { kind: 'refused'; poNumber: string; device: string }
	/**
	 * The same work, claimed by another device: a PO or email that came here through sync while
	 * the device that made it claimed it. That device sends it; this one must not, nor cancel it.
	 */
	| { kind: 'elsewhere'; device: string };

const itemClaimId = (orderItemId: string) => `claim:item:${orderItemId}`;
/** By the email's dedupe key (order and tracking number): the same email made on two devices. */
const emailClaimId = (dedupeKey: string) => `claim:email:${dedupeKey}`;

type Holder = Omit<ClaimDoc, 'at'>;

/**
 * Writes claims to the CouchDB server itself (not the replica), without a revision, so the server
 * accepts the first device and refuses the second with 409. A claim for the `sameWork` by this
 * device (a retry, a restart) counts as claimed; by another device, the work is `elsewhere`; on a refusal the claims taken here are given back. Fails with
 * `offline` (and `offlineMessage`) when the server cannot be asked.
 */
async function claimOnServer(
	deps: ApiDeps,
	ids: readonly string[],
	holder: (device: string) => Holder,
	sameWork: (held: ClaimDoc) => boolean,
	offlineMessage: string
): Promise<Result<ClaimOutcome>> {
	const config = await readSyncConfig(deps.db);
	if (!config?.isOn) return ok({ kind: 'not_synced' });
	const remote = await deps.sync.openRemote(databaseUrl(config), authOf(config));
	const mine: string[] = [];
	const claim = { ...holder(config.deviceLetter), at: deps.now().toISOString() };
	try {
		for (const _id of ids) {
			try {
				await remote.put({ _id, ...claim });
				mine.push(_id);
			} catch (cause) {
				if ((cause as { status?: number }).status !== 409) throw cause;
				const held = (await remote.get(_id)) as unknown as ClaimDoc;
				const isSame = sameWork(held);
				if (isSame && held.device === config.deviceLetter) continue;
				await release(remote, mine);
				return ok(
					isSame
						? { kind: 'elsewhere', device: held.device }
						: { kind: 'refused', poNumber: held.poNumber ?? '', device: held.device }
				);
			}
		}
		return ok({ kind: 'claimed' });
	} catch {
		await release(remote, mine).catch(() => undefined);
		return err('offline', offlineMessage);
	} finally {
		await remote.close().catch(() => undefined);
	}
}

/**
 * Before any distributor call on a synced shop: one claim per order item of the PO, so two
 * devices never order the same item. Fails with `offline` when the server cannot be reached: the
 * PO then waits, as offline.
 */
export function claimItems(
	deps: ApiDeps,
	po: PurchaseOrder,
	lines: readonly PoLine[]
): Promise<Result<ClaimOutcome>> {
	return claimOnServer(
		deps,
		lines.map((l) => itemClaimId(l.orderItemId)),
		(device) => ({ poId: po.id, poNumber: po.poNumber, device }),
		(held) => held.poId === po.id,
		`PO ${po.poNumber} waits: the sync server could not be asked whether another device already ordered these items. It is sent when the server answers.`
	);
}

/**
 * Before a buyer email goes to the mail server on a synced shop: the device that claims it sends
 * it, no other device ever does (the same email may sit in both outboxes). Fails with `offline`
 * when the server cannot be asked: the email then waits.
 */
export function claimEmail(deps: ApiDeps, email: OutboxEmail): Promise<Result<ClaimOutcome>> {
	return claimOnServer(
		deps,
		[emailClaimId(email.dedupeKey)],
		(device) => ({ emailId: email.id, device }),
		(held) => held.emailId === email.id,
		`The email to ${email.to} waits: the sync server could not be asked whether another device is sending it.`
	);
}

/** Gives back claims taken for work that will not go out, so it can be claimed again. */
async function release(remote: PouchDB.Database, ids: readonly string[]): Promise<void> {
	for (const id of ids) {
		const doc = await remote.get(id);
		await remote.remove(doc);
	}
}
