// Starts Dropship Desk's backend worker as the page begins to load, before the app's own code has
// arrived: the worker's script loads and compiles beside the app's instead of after it (the app's
// code takes ~150 ms to load and run on a small machine). The worker's address changes with every
// version, so it is the one the app remembered at its last start in this browser; the app adopts
// this worker, or ends it and starts the right one (src/lib/worker-client/start.ts). A classic
// script from the app's own origin, as the page's Content-Security-Policy allows.
(function () {
	try {
		// The benchmark's blank page is the floor the app's start is measured against.
		if (location.pathname.endsWith('/bench/blank')) return;
		var url = localStorage.getItem('dropship-desk:worker-url');
		if (!url) return;
		var worker = new Worker(url, { type: 'module', name: 'dropship-desk-backend' });
		window.dropshipDeskEarlyWorker = { url: url, worker: worker };
	} catch (e) {
		// Only a head start: the app starts the worker itself.
	}
})();
