import type { ClientInit, HandleClientError } from '@sveltejs/kit';
import { reportBug } from '$lib/state/bug-report.svelte';
import { readDb, useWorkspace } from '$lib/db/queries';
import { savedWorkspace } from '$lib/state/workspace';
import { startWorkerEarly } from '$lib/worker-client/start';

/**
 * Where this browser's workspace is known, the page's own connection to the database opens and
 * the worker starts before SvelteKit loads the first page (queries.ts, start.ts): the first
 * screen's reads find the database open (measured: open ~5 ms after the app frame starts instead
 * of 40–70 ms). Not on the benchmark's blank route: it is the floor the app's start is measured
 * against.
 */
export const init: ClientInit = () => {
	if (location.pathname.endsWith('/bench/blank')) return;
	try {
		const workspace = savedWorkspace();
		if (!workspace) return;
		useWorkspace(workspace);
		void readDb().open();
		startWorkerEarly(workspace);
	} catch {
		// Only a head start: the app frame starts the worker itself (and says what went wrong).
	}
};

/**
 * An error SvelteKit caught while loading or rendering a page is a bug: it goes to the same bug
 * notice as a thrown worker call, and the error page gets a sentence for the dealer.
 */
export const handleError: HandleClientError = ({ error, status }) => {
	if (status === 404) return { message: 'There is no such page in Dropship Desk.' };
	reportBug(error);
	return { message: 'Something went wrong inside Dropship Desk while showing this page.' };
};
