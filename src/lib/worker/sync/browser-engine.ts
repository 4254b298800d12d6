import idbAdapter from 'pouchdb-adapter-idb';
import { PouchDB, pouchEngine, type SyncEngine } from './engine';

PouchDB.plugin(idbAdapter);

/** The browser's engine: the replica in IndexedDB beside the shop's Dexie database. */
export const browserSyncEngine: SyncEngine = pouchEngine('idb');
