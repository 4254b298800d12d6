import idbAdapter from 'pouchdb-adapter-idb';
import { PouchDB, pouchEngine, type SyncEngine } from './engine';

PouchDB.plugin(idbAdapter);

/** PouchDB with its IndexedDB adapter: the replica beside the shop's Dexie database. */
export const idbSyncEngine: SyncEngine = pouchEngine('idb');
