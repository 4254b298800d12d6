import * as Comlink from 'comlink';
import { openDb, reopenAfterLoss } from '$lib/db/db';
import { writeSetting } from '$lib/db/setting-rows';
import { createAdapter } from '$lib/distributors/registry';
import { DATABASE_NAMES, type Workspace } from '$lib/domain/workspace';
import { createApi } from './api';
import { catalogKeeper } from './catalog/sync';
import { EarlyOpenMessage, type WorkerBoot } from './boot';
import { openOnce } from './open-once';
import { Circuits } from './core/circuits';
import type { ApiDeps, DemoControl } from './core/deps';
import { memoryLocks, webLocks } from './core/locks';
import { REACHABILITY_CHANNEL, REQUEST_FAILED } from '$lib/domain/reachability';
import { Network, reportingFailures } from './core/network';
import { SecretBox } from './secrets/sealing';
import { browserSyncEngine } from './sync/browser-engine';
import { createDemoControl } from './demo/control';
import { createMailTransport } from './mail/transport';
import { createLiveFetch } from './core/transport';
import { createWriteQueue } from './core/write-queue';

/** The shop never runs the simulators: its demo control is always off. */
const NO_DEMO: DemoControl = { simulator: () => null, setActive: async () => undefined };

/**
 * Builds the worker's dependencies for one database. The transport is decided here, once, by the
 * database: the demo's is the in-process simulators and nothing else (there is no path from the
 * demo to the proxy or to the dealer's mail server), the shop's is the proxy to the real
 * distributors.
 */
function depsFor(workspace: Workspace): ApiDeps {
	const db = openDb(DATABASE_NAMES[workspace]);
	const origin = self.location.origin;
	// A request of ours that cannot get through makes every tab look again at being online.
	const reachability = new BroadcastChannel(REACHABILITY_CHANNEL);
	const reportFailure = () => reachability.postMessage(REQUEST_FAILED);
	const mail = createMailTransport(origin, reportingFailures(fetch, reportFailure));
	const common = {
		workspace,
		db,
		now: () => new Date(),
		random: Math.random,
		newId: () => crypto.randomUUID(),
		writes: createWriteQueue({ reopen: () => reopenAfterLoss(db) }),
		// Each database has its own background work: a demo tab and a shop tab never share a lock.
		locks: 'locks' in navigator ? webLocks(navigator.locks, workspace) : memoryLocks(),
		network: new Network(navigator.onLine),
		secrets: new SecretBox(db),
		adapters: createAdapter,
		circuits: new Circuits((all) => void writeSetting(db, 'circuits', all)),
		sync: browserSyncEngine
	};
	if (workspace === 'shop') {
		const fetch = reportingFailures(createLiveFetch(origin), reportFailure);
		return { ...common, fetch, mail, demo: NO_DEMO };
	}
	const demo = createDemoControl(db);
	return {
		...common,
		fetch: (input, init) => {
			if (!demo.fetch) return Promise.reject(new TypeError('The demo simulators are not running.'));
			return demo.fetch(input, init);
		},
		// Simulated whatever SMTP settings the demo holds: a demo email never leaves the browser.
		mail: (_smtp, message) => mail(null, message),
		demo
	};
}

const exposed: Record<string, unknown> = {};

const open = openOnce(({ workspace, loadCatalog }) => {
	const deps = depsFor(workspace);
	const keeper = catalogKeeper(deps.db);
	// On a warm start the catalog's reads go out first, before the API is built: they are the
	// longest wait (600k offers: ~300 ms in IndexedDB), and work meanwhile costs it nothing.
	if (loadCatalog) keeper.warm();
	const api = createApi(deps);
	Object.assign(exposed, api);
	// Sync goes live again on a device where it is on (off by default).
	void api.sync.resume({});
	return { warmCatalog: () => keeper.warm() };
});
exposed.boot = { open } satisfies WorkerBoot['boot'];

// The early start's message (app.html) arrives first, if the page sent one; Comlink ignores it.
// An open that throws here throws again on the page's `boot.open`, which reports it.
self.addEventListener('message', (event: MessageEvent<unknown>) => {
	const early = EarlyOpenMessage.safeParse(event.data);
	if (early.success) open(early.data.input).catch(() => undefined);
});

Comlink.expose(exposed);
