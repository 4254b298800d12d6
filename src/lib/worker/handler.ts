import type { z } from 'zod';
import { err, fromZodError, type Result } from '$lib/domain/result';

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
