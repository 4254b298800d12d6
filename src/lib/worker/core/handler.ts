import type { z } from 'zod';
import { err, fromZodError, type Result } from '$lib/domain/result';
import { isConnectionLost } from './write-queue';

/**
 * Wraps one worker method: parses its single input object with zod, runs it, and turns the
 * failures the dealer can act on (bad input, a full disk) into values. Anything else is a bug and
 * is thrown, so it shows up as one in the console and the tests.
 */
export function handler<S extends z.ZodType, T>(
	schema: S,
	run: (input: z.output<S>) => Promise<Result<T>>
): (input: z.input<S>) => Promise<Result<T>> {
	return async (input) => {
		const parsed = schema.safeParse(input);
		if (!parsed.success) return fromZodError(parsed.error);
		try {
			return await run(parsed.data);
		} catch (cause) {
			if (isQuotaError(cause)) {
				return err(
					'storage_full',
					'The browser has no room left to save this. Nothing was sent. Free some disk space or export and clear old data, then try again.'
				);
			}
			// The database went away and could not be reopened: another tab upgraded it (the page
			// asks for a reload) or the browser closed it. Not a bug, and nothing was written.
			if (isConnectionLost(cause)) {
				return err(
					'transient',
					'Dropship Desk lost its database (it was updated in another tab, or the browser closed it). Nothing was saved or sent. Reload the page to go on.'
				);
			}
			throw cause;
		}
	};
}

/** QuotaExceededError, also when Dexie or IndexedDB wraps it in an AbortError. */
export function isQuotaError(cause: unknown): boolean {
	for (let e: unknown = cause, depth = 0; e && depth < 5; depth++) {
		const name = (e as { name?: string }).name;
		if (name === 'QuotaExceededError') return true;
		e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
	}
	return false;
}
