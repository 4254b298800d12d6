import * as Comlink from 'comlink';
import { openDb, reopenAfterLoss } from '$lib/db/db';
import { createAdapter } from '$lib/distributors/registry';
import { createApi } from './api';
import { Circuits } from './core/circuits';
import { memoryLocks, webLocks } from './core/locks';
import { Network } from './core/network';
import { SecretBox } from './secrets/sealing';
import { createDemoControl } from './demo/control';
import { createMailTransport } from './mail/transport';
import { createLiveFetch } from './core/transport';
import { createWriteQueue } from './core/write-queue';

/**
 * The worker's entry: opens the database, picks the transport (demo simulators or the proxy) per
 * call, and exposes the API over Comlink.
 */
const db = openDb();
const demo = createDemoControl(db);
const liveFetch = createLiveFetch(self.location.origin);

const transport: typeof fetch = (input, init) => (demo.fetch ?? liveFetch)(input, init);

const api = createApi({
	db,
	fetch: transport,
	now: () => new Date(),
	random: Math.random,
	newId: () => crypto.randomUUID(),
	writes: createWriteQueue({ reopen: () => reopenAfterLoss(db) }),
	locks: 'locks' in navigator ? webLocks(navigator.locks) : memoryLocks(),
	network: new Network(navigator.onLine),
	secrets: new SecretBox(db),

	adapters: createAdapter,
	circuits: new Circuits((all) => void db.settings.put({ key: 'circuits', value: all })),
	mail: createMailTransport(self.location.origin),
	demo
});

Comlink.expose(api);
