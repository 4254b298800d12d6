/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { base, build, files, version } from '$service-worker';
import { workerFiles } from '$lib/worker-client/worker-chunks';

/**
 * The offline app shell: the built app and static files are cached per version, so the app opens
 * with no network and shows what IndexedDB holds. Distributor calls (/proxy/) and email (/mail)
 * are never cached: they go to the network or fail visibly. A new version waits until the page
 * says "reload" (it posts SKIP_WAITING), so a tab is never switched mid-work.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `dropship-desk-${version}`;
// The app shell as every server serves it (vite preview has no /index.html; the static build does).
const SHELL = '/';
const ASSETS = [...build, ...files.filter((f) => !f.startsWith('/.')), SHELL];

/** The backend worker's entry files: `build` lists them, but not the chunks they import. */
const WORKER_ENTRIES = build.filter((path) => /\/_app\/immutable\/workers\/[^/]+\.js$/.test(path));

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches.open(CACHE).then(async (cache) => {
			await cache.addAll(ASSETS);
			// The worker's chunks, found in its files as just cached: what it loads on demand (an
			// adapter, the demo's simulators) is there offline too.
			await workerFiles(WORKER_ENTRIES, async (path) => {
				let cached = await cache.match(path);
				if (!cached) {
					await cache.add(path);
					cached = await cache.match(path);
				}
				return (await cached?.text()) ?? '';
			});
		})
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key)))
			)
			.then(() => sw.clients.claim())
	);
});

sw.addEventListener('message', (event) => {
	if (event.data === 'SKIP_WAITING') void sw.skipWaiting();
});

function isNeverCached(url: URL): boolean {
	return url.pathname.startsWith('/proxy/') || url.pathname === '/mail';
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin || isNeverCached(url)) return;
	event.respondWith(respond(request, url));
});

async function respond(request: Request, url: URL): Promise<Response> {
	const cache = await caches.open(CACHE);
	// Built files never change under one version (their names carry a hash): cache first.
	if (ASSETS.includes(url.pathname) || url.pathname.startsWith(`${base}/_app/immutable/`)) {
		const cached = await cache.match(url.pathname);
		if (cached) return cached;
	}
	try {
		const response = await fetch(request);
		return response;
	} catch (cause) {
		// Offline: every page of the single-page app is the same shell.
		if (request.mode === 'navigate') {
			const shell = await cache.match(SHELL);
			if (shell) return shell;
		}
		throw cause;
	}
}
