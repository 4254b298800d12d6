import type { OutboxEmail } from './outbox';
import { PO_STATE_PROGRESS } from './po-state';
import type { PurchaseOrder, Shipment } from './purchase-order';
import type { StorePush, StorePushState } from './storefront';

/**
 * The shop's tables that travel between devices, with each one's primary key. Not the catalog
 * blocks (each device fetches its own feeds), not the audit log, circuits or simulator state
 * (about this device), and not the distributor accounts, whose credentials travel only sealed.
 */
export const SYNC_TABLES = {
	orders: 'id',
	orderItems: 'id',
	purchaseOrders: 'id',
	poLines: 'id',
	shipments: 'id',
	outbox: 'id',
	suppressions: 'address',
	ruleOverrides: 'id',
	warehouses: 'id',
	brandAliases: 'alias',
	feedImports: 'id',
	// What each web store was told about a shipment, so every device's order page says it.
	storePushes: 'id',
	settings: 'key'
} as const;
export type SyncTable = keyof typeof SYNC_TABLES;

/** Settings rows shared by the shop; the others (sync itself, circuits, backups) are this device's. */
export const SHARED_SETTINGS: ReadonlySet<string> = new Set([
	'app',
	'emailTemplates',
	// The credentials, sealed under the shop passphrase (worker/sync/credentials.ts).
	'sharedCredentials'
]);

export function isSyncTable(name: string): name is SyncTable {
	return Object.hasOwn(SYNC_TABLES, name);
}

/** One device's version of a record: the row, and who last edited it when. */
export interface SyncVersion {
	row: Record<string, unknown>;
	editedAt: string;
	device: string;
}

export interface Merged {
	row: Record<string, unknown>;
	editedAt: string;
	device: string;
	/** Written to the audit log: which rule decided. */
	rule: string;
}

/** The latest edit; equal times are broken by device letter so every device picks the same one. */
function latest(versions: readonly SyncVersion[]): SyncVersion {
	return [...versions].sort(
		(a, b) => b.editedAt.localeCompare(a.editedAt) || b.device.localeCompare(a.device)
	)[0]!;
}

/** Email states in the order they can follow one another: a sent email is never unsent. */
const EMAIL_PROGRESS: Record<OutboxEmail['state'], number> = {
	queued: 0,
	retrying: 1,
	failed: 2,
	sending: 3,
	suppressed: 4,
	sent: 5
};

/** Distinct values in a fixed order, so the merge does not depend on which version came first. */
const unique = (values: readonly string[]): string[] => [...new Set(values)].sort();

function mergePo(versions: readonly SyncVersion[]): Merged {
	const pos = versions.map((v) => v.row as unknown as PurchaseOrder);
	const rank = (po: PurchaseOrder) => PO_STATE_PROGRESS[po.state];
	const furthest = [...versions].sort(
		(a, b) =>
			rank(b.row as unknown as PurchaseOrder) - rank(a.row as unknown as PurchaseOrder) ||
			b.editedAt.localeCompare(a.editedAt) ||
			b.device.localeCompare(a.device)
	)[0]!;
	const seen = new Set<string>();
	const history = pos
		.flatMap((p) => p.history)
		.filter((h) => {
			const key = `${h.at}|${h.state}|${h.note ?? ''}`;
			return seen.has(key) ? false : (seen.add(key), true);
		})
		.sort(
			(a, b) =>
				a.at.localeCompare(b.at) ||
				a.state.localeCompare(b.state) ||
				(a.note ?? '').localeCompare(b.note ?? '')
		);
	const po = furthest.row as unknown as PurchaseOrder;
	return {
		row: { ...po, history, distributorRefs: unique(pos.flatMap((p) => p.distributorRefs)) },
		editedAt: furthest.editedAt,
		device: furthest.device,
		rule: `PO state furthest along: ${po.state}`
	};
}

function mergeShipment(versions: readonly SyncVersion[]): Merged {
	const all = versions.map((v) => v.row as unknown as Shipment);
	const base = latest(versions);
	const lines = new Map<string, number>();
	for (const line of all.flatMap((s) => s.lines)) {
		lines.set(line.sku, Math.max(lines.get(line.sku) ?? 0, line.quantity));
	}
	return {
		row: {
			...base.row,
			trackingNumbers: unique(all.flatMap((s) => s.trackingNumbers)),
			lines: [...lines]
				.sort(([a], [b]) => a.localeCompare(b))
				.map(([sku, quantity]) => ({ sku, quantity }))
		},
		editedAt: base.editedAt,
		device: base.device,
		rule: 'shipment: tracking numbers and lines united'
	};
}

function mergeEmail(versions: readonly SyncVersion[]): Merged {
	const rank = (v: SyncVersion) => EMAIL_PROGRESS[(v.row as unknown as OutboxEmail).state];
	const furthest = [...versions].sort(
		(a, b) =>
			rank(b) - rank(a) || b.editedAt.localeCompare(a.editedAt) || b.device.localeCompare(a.device)
	)[0]!;
	const attempts = Math.max(...versions.map((v) => (v.row as unknown as OutboxEmail).attempts));
	const email = furthest.row as unknown as OutboxEmail;
	return {
		row: { ...email, attempts },
		editedAt: furthest.editedAt,
		device: furthest.device,
		rule: `email state furthest along: ${email.state}`
	};
}

/** What a store was told is never untold: a push done on one device stays done. */
const PUSH_PROGRESS: Record<StorePushState, number> = {
	queued: 0,
	retrying: 1,
	failed: 2,
	sending: 3,
	done: 4
};

function mergeStorePush(versions: readonly SyncVersion[]): Merged {
	const rank = (v: SyncVersion) => PUSH_PROGRESS[(v.row as unknown as StorePush).state];
	const furthest = [...versions].sort(
		(a, b) =>
			rank(b) - rank(a) || b.editedAt.localeCompare(a.editedAt) || b.device.localeCompare(a.device)
	)[0]!;
	const attempts = Math.max(...versions.map((v) => (v.row as unknown as StorePush).attempts));
	const push = furthest.row as unknown as StorePush;
	return {
		row: { ...push, attempts },
		editedAt: furthest.editedAt,
		device: furthest.device,
		rule: `store push furthest along: ${push.state}`
	};
}

function mergeSetting(versions: readonly SyncVersion[]): Merged {
	const last = latest(versions);
	let row = last.row;
	// The PO sequence only grows: taking an older edit's lower number would let a device hand out
	// a PO number it already used.
	if (row.key === 'app') {
		const sequences = versions.map(
			(v) => ((v.row.value as { poSequence?: number } | undefined)?.poSequence ?? 0) as number
		);
		row = { ...row, value: { ...(row.value as object), poSequence: Math.max(...sequences) } };
	}
	return {
		row,
		editedAt: last.editedAt,
		device: last.device,
		rule: `setting: latest edit, device ${last.device} at ${last.editedAt}`
	};
}

/**
 * Resolves versions of one record written on several devices while apart, by what the record
 * means rather than by which write came last. Every device computes the same answer from the same
 * versions, in any order.
 */
export function mergeVersions(table: SyncTable, versions: readonly SyncVersion[]): Merged {
	if (versions.length === 0) throw new Error('mergeVersions needs at least one version');
	if (table === 'purchaseOrders') return mergePo(versions);
	if (table === 'shipments') return mergeShipment(versions);
	if (table === 'outbox') return mergeEmail(versions);
	if (table === 'storePushes') return mergeStorePush(versions);
	if (table === 'settings') return mergeSetting(versions);
	const last = latest(versions);
	return { ...last, rule: `latest edit, device ${last.device} at ${last.editedAt}` };
}
