import { err, ok, type Result } from '$lib/domain/result';

/**
 * `load()` (a distributor's or a store's adapter, whose code loads the first time it is needed),
 * or, when that code cannot be fetched, a failure in the dealer's words: the browser is offline
 * before the app saved it for offline use, or the app was updated since this tab opened and the
 * old file is gone. Nothing was sent, and a reload fixes both.
 */
export async function loadOrFail<T>(name: string, load: () => T | Promise<T>): Promise<Result<T>> {
	try {
		return ok(await load());
	} catch (cause) {
		console.warn(`Loading the ${name} connection failed`, cause);
		return err(
			'transient',
			`Dropship Desk could not load its ${name} connection (the app was updated, or the browser went offline before it was saved). Nothing was sent. Reload the page and try again.`
		);
	}
}
