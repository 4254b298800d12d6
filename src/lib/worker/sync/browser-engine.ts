import type { SyncEngine } from './engine';

/**
 * The browser's engine, loaded on first use: PouchDB and its adapters (~100 kB of the worker) stay
 * off the worker's start, where sync is off (the default) or has not started yet.
 */
const engine = () => import('./pouch-idb').then((module) => module.idbSyncEngine);

export const browserSyncEngine: SyncEngine = {
	openReplica: async (name) => (await engine()).openReplica(name),
	openRemote: async (url, auth) => (await engine()).openRemote(url, auth)
};
