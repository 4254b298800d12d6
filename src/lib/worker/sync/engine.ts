import PouchDB from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';

PouchDB.plugin(httpAdapter).plugin(replication);

/** A record of the shop as it travels: its table, its row, and who last edited it when. */
export interface SyncDoc {
	table: string;
	row: Record<string, unknown>;
	editedAt: string;
	device: string;
	/** The device that merged conflicting versions into this one, when one did. */
	mergedBy?: string;
}

/**
 * A claim on the server: on an order item (the first device to write it places the item; 409 for
 * the second) or on a buyer email (the first device to write it sends it).
 */
export interface ClaimDoc {
	poId?: string;
	poNumber?: string;
	emailId?: string;
	device: string;
	at: string;
}

export type Replica = PouchDB.Database<SyncDoc>;
export type RemoteDb = PouchDB.Database;

/**
 * Where the replication engine keeps this device's replica and how it reaches the server. The
 * browser keeps the replica in IndexedDB; tests give a memory replica (see README.md for why).
 * Asynchronous, so the browser's engine can load PouchDB on first use (browser-engine.ts).
 */
export interface SyncEngine {
	openReplica(name: string): Promise<Replica>;
	openRemote(url: string, auth?: { username: string; password: string }): Promise<RemoteDb>;
}

export function remoteOptions(
	auth: { username: string; password: string } | undefined
): PouchDB.Configuration.RemoteDatabaseConfiguration {
	// skip_setup: never create the shop's database from a device; the dealer creates it once.
	return { skip_setup: true, ...(auth ? { auth } : {}) };
}

/** An engine whose replicas use the given PouchDB adapter (registered by the caller). */
export function pouchEngine(adapter: string): SyncEngine {
	return {
		openReplica: async (name) => new PouchDB<SyncDoc>(name, { adapter }),
		openRemote: async (url, auth) => new PouchDB(url, remoteOptions(auth))
	};
}

export { PouchDB };
