import Dexie from 'dexie';
import { DB_NAME, declareVersions, type DropshipDb } from './schema';

/**
 * Opens the app's database. Tests pass their own name (and fake-indexeddb) so each gets a fresh
 * one; the page and the worker both open the same name, and Dexie's liveQuery tells the page when
 * the worker writes.
 */
export function openDb(name: string = DB_NAME): DropshipDb {
	const db = new Dexie(name) as DropshipDb;
	declareVersions(db);
	return db;
}
