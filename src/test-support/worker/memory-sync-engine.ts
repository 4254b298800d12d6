import memoryAdapter from 'pouchdb-adapter-memory';
import { PouchDB, pouchEngine, type SyncEngine } from '../../lib/worker/sync/engine';

PouchDB.plugin(memoryAdapter);

/**
 * Replicas in memory (see worker/sync/README.md): a replica opened again under the same name in
 * this process finds its documents and checkpoints, as after a restart.
 */
export const memorySyncEngine: SyncEngine = pouchEngine('memory');
