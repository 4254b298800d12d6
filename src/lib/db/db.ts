import Dexie from 'dexie';
import { DB_NAME, declareVersions, type DropshipDb } from './schema';

/**
 * Every transaction on this database asks for `strict` durability. Chrome's default became
 * `relaxed` in 121: a commit is reported once handed to the OS, so a power cut right after
 * "committed" can lose it. An order or a PO transition must be on disk before the distributor call
 * it announces (reliability.md IDEM-2, STOR-1), and Dexie sets durability per database instance
 * only, so the whole instance is strict. The cost (a flush per commit) is paid by bulk catalog
 * writes too; they are batched into few transactions.
 */
export const DURABILITY = 'strict' satisfies IDBTransactionDurability;

/**
 * Opens the app's database. Tests pass their own name (and fake-indexeddb) so each gets a fresh
 * one; the page and the worker both open the same name, and Dexie's liveQuery tells the page when
 * the worker writes.
 */
export function openDb(name: string = DB_NAME): DropshipDb {
	const db = new Dexie(name, { chromeTransactionDurability: DURABILITY }) as DropshipDb;
	declareVersions(db);
	// Another tab opened a newer version (or deletes the database): this code targets the old
	// schema, so close for good instead of Dexie's default, which reopens on the next query and
	// would run old code against the new schema. The page shows "reload" (UpgradeNotice).
	// Returning false stops Dexie's default handler; listeners added later still run first.
	db.on('versionchange', () => {
		closedForUpgrade.add(db);
		db.close({ disableAutoOpen: true });
		return false;
	});
	return db;
}

const closedForUpgrade = new WeakSet<Dexie>();

/**
 * Opens the database again after the connection was lost under the app. Never after another tab
 * upgraded it: this code targets the old schema and the page asks for a reload. Returns whether
 * the database is open.
 */
export async function reopenAfterLoss(db: Dexie): Promise<boolean> {
	if (closedForUpgrade.has(db)) return false;
	try {
		if (!db.isOpen()) await db.open();
		return true;
	} catch {
		return false;
	}
}
