import type { PoLine, PurchaseOrder } from '$lib/domain/purchase-order';
import { err, ok, type Result } from '$lib/domain/result';
import type { ApiDeps } from '../core/deps';
import { authOf, databaseUrl, readSyncConfig } from './config';
import type { ClaimDoc } from './engine';

export type ClaimOutcome =
	| { kind: 'not_synced' }
	| { kind: 'claimed' }
	/** Another device's PO holds one of the items. */
	| { kind: 'refused'; poNumber: string; device: string };

const claimId = (orderItemId: string) => `claim:item:${orderItemId}`;

/**
 * Before any distributor call on a synced shop: writes one claim per order item of the PO to the
 * CouchDB server itself (not the replica), without a revision, so the server accepts the first
 * device and refuses the second with 409. A claim already ours (a retry, a restart) counts as
 * claimed. Fails with `offline` when the server cannot be reached: the PO then waits, as offline.
 */
export async function claimItems(
	deps: ApiDeps,
	po: PurchaseOrder,
	lines: readonly PoLine[]
): Promise<Result<ClaimOutcome>> {
	const config = await readSyncConfig(deps.db);
	if (!config?.isOn) return ok({ kind: 'not_synced' });
	const remote = deps.sync.openRemote(databaseUrl(config), authOf(config));
	const mine: string[] = [];
	try {
		for (const line of lines) {
			const claim: ClaimDoc & { _id: string } = {
				_id: claimId(line.orderItemId),
				poId: po.id,
				poNumber: po.poNumber,
				device: config.deviceLetter,
				at: deps.now().toISOString()
			};
			try {
				await remote.put(claim);
				mine.push(claim._id);
			} catch (cause) {
				if ((cause as { status?: number }).status !== 409) throw cause;
				const held = (await remote.get(claim._id)) as unknown as ClaimDoc;
				if (held.poId === po.id) continue;
				await release(remote, mine);
				return ok({ kind: 'refused', poNumber: held.poNumber, device: held.device });
			}
		}
		return ok({ kind: 'claimed' });
	} catch {
		await release(remote, mine).catch(() => undefined);
		return err(
			'offline',
			`PO ${po.poNumber} waits: the sync server could not be asked whether another device already ordered these items. It is sent when the server answers.`
		);
	} finally {
		await remote.close().catch(() => undefined);
	}
}

/** Gives back claims taken for a PO that will not go out, so the items can be ordered again. */
async function release(remote: PouchDB.Database, ids: readonly string[]): Promise<void> {
	for (const id of ids) {
		const doc = await remote.get(id);
		await remote.remove(doc);
	}
}
