import Dexie from 'dexie';
import type { DropshipDb } from '$lib/db/schema';
import { BACKUP_TABLE_NAMES, LOCAL_SETTING_KEYS, type BackupTable } from '$lib/domain/backup';
import { withoutSecrets } from '../../lib/worker/backup/secrets';
import type { Finding } from './invariants';
import type { SoakTab } from './tab';
import type { SoakWorld } from './world';

/** Tables a backup carries whole (the catalog is optional and rebuilt from feeds). */
const COMPARED = BACKUP_TABLE_NAMES.filter((t) => t !== 'catalogBlocks' && t !== 'feedImports');

/** A table's rows as a backup should carry them: no secrets, no machine-local settings, sorted. */
async function rowsOf(db: DropshipDb, table: BackupTable): Promise<string[]> {
	const rows = (await db.table(table).toArray()) as Record<string, unknown>[];
	return rows
		.filter((r) => table !== 'settings' || !LOCAL_SETTING_KEYS.has(String(r.key)))
		.map((r) => canonical(withoutSecrets(table, r)))
		.sort();
}

/** JSON with keys sorted at every level: the same row reads the same whatever its key order. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
			: v
	);
}

/**
 * Takes a backup in `tab` now, restores it (replace) into a fresh database as a new computer
 * would, and compares table by table with what was there when the backup was taken.
 */
export async function checkBackup(world: SoakWorld, tab: SoakTab): Promise<Finding[]> {
	const exported = await tab.api.backup.export({});
	// A full disk refuses the "last backup" note; the dealer tries again another day.
	if (!exported.ok) return [];
	const findings: Finding[] = [];
	const before = new Map<BackupTable, string[]>();
	for (const table of COMPARED) before.set(table, await rowsOf(tab.deps.db, table));
	for (const canary of world.canaries)
		if (exported.value.text.includes(canary))
			findings.push({
				invariant: 'secret_leak',
				subject: `backup:${canary}`,
				detail: 'a secret is in the backup'
			});

	// The other computer has room and does not crash.
	const wasFull = world.isDiskFull;
	world.isDiskFull = false;
	const target = world.openTab(`${world.dbName}-restore-${world.newId()}`);
	try {
		const restored = await target.api.backup.restore({
			text: exported.value.text,
			mode: 'replace'
		});
		if (!restored.ok) {
			findings.push({
				invariant: 'backup_restore',
				subject: 'restore',
				detail: restored.error.message
			});
			return findings;
		}
		for (const table of COMPARED) {
			const want = before.get(table) ?? [];
			const got = await rowsOf(target.deps.db, table);
			const missing = want.filter((r) => !got.includes(r));
			const extra = got.filter((r) => !want.includes(r));
			if (missing.length + extra.length > 0)
				findings.push({
					invariant: 'backup_restore',
					subject: table,
					detail: `${table}: ${missing.length} rows lost, ${extra.length} changed or added; e.g. ${(missing[0] ?? extra[0] ?? '').slice(0, 300)}`
				});
		}
	} finally {
		world.isDiskFull = wasFull;
		target.close();
		await Dexie.delete(target.deps.db.name);
	}
	return findings;
}
