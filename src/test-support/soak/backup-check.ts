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

/** Every compared table, read in one transaction: the database at one moment. */
async function stateOf(db: DropshipDb): Promise<Map<BackupTable, string[]>> {
	const state = new Map<BackupTable, string[]>();
	await db.transaction(
		'r',
		COMPARED.map((t) => db.table(t)),
		async () => {
			for (const table of COMPARED) state.set(table, await rowsOf(db, table));
		}
	);
	return state;
}

const isSame = (a: Map<BackupTable, string[]>, b: Map<BackupTable, string[]>) =>
	COMPARED.every((t) => JSON.stringify(a.get(t)) === JSON.stringify(b.get(t)));

/**
 * Takes a backup in `tab` now, restores it (replace) into a fresh database as a new computer
 * would, and compares table by table with what was there when the backup was taken. "When it
 * was taken" is only known if nothing changed while it was: audit rows are written without
 * waiting (core/audit.ts) and a crashed tab's last write may still land, so the database is read
 * just before and just after the export and the export is taken again until both agree (seeds
 * 11, 22, 55 compared a backup with audit rows written after it). If it never stands still, the
 * backup must hold what was there throughout and nothing that was there at neither moment.
 */
export async function checkBackup(world: SoakWorld, tab: SoakTab): Promise<Finding[]> {
	let exported: Awaited<ReturnType<SoakTab['api']['backup']['export']>> | undefined;
	let before = new Map<BackupTable, string[]>();
	let after = before;
	for (let attempt = 0; attempt < 3; attempt++) {
		before = await stateOf(tab.deps.db);
		exported = await tab.api.backup.export({});
		// A full disk refuses the "last backup" note; the dealer tries again another day.
		if (!exported.ok) return [];
		after = await stateOf(tab.deps.db);
		if (isSame(before, after)) break;
	}
	if (!exported?.ok) return [];
	const isStill = isSame(before, after);
	const findings: Finding[] = [];
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
			const was = before.get(table) ?? [];
			const is = after.get(table) ?? [];
			const got = await rowsOf(target.deps.db, table);
			// Still: exactly what was there. Moving: what stayed throughout, and nothing invented.
			const want = isStill ? was : was.filter((r) => is.includes(r));
			const missing = want.filter((r) => !got.includes(r));
			const extra = got.filter((r) => !was.includes(r) && !is.includes(r));
			if (missing.length + extra.length > 0)
				findings.push({
					invariant: 'backup_restore',
					subject: table,
					detail: `${table}: ${missing.length} rows lost, ${extra.length} changed or added${isStill ? '' : ' (the database moved during the export)'}; e.g. ${(missing[0] ?? extra[0] ?? '').slice(0, 300)}`
				});
		}
	} finally {
		world.isDiskFull = wasFull;
		target.close();
		await Dexie.delete(target.deps.db.name);
	}
	return findings;
}
