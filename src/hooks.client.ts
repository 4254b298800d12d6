import type { HandleClientError } from '@sveltejs/kit';
import { reportBug } from '$lib/state/bug-report.svelte';

/**
 * An error SvelteKit caught while loading or rendering a page is a bug: it goes to the same bug
 * notice as a thrown worker call, and the error page gets a sentence for the dealer.
 */
export const handleError: HandleClientError = ({ error, status }) => {
	if (status === 404) return { message: 'There is no such page in Dropship Desk.' };
	reportBug(error);
	return { message: 'Something went wrong inside Dropship Desk while showing this page.' };
};
