import { z } from 'zod';

/**
 * The closed set of failure kinds. Every expected failure (bad input, a distributor saying no,
 * the network) comes back as a value carrying one of these; a thrown Error means a bug.
 */
export const ErrorCode = z.enum([
	'auth',
	'not_enabled',
	'account_prerequisite',
	'validation',
	'invalid_address',
	'unknown_sku',
	'out_of_stock',
	'duplicate_po',
	'price_changed',
	'rate_limited',
	'transient',
	'protocol',
	'partial',
	'not_supported',
	'not_found',
	'conflict',
	'storage_full',
	'offline',
	/** Saved credentials are locked with the dealer's passphrase and it was not entered yet. */
	'locked'
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const AppError = z.object({
	code: ErrorCode,
	/** Written for the dealer, in the dealer's words. Never contains a secret. */
	message: z.string(),
	/** The input field the dealer should fix, for `validation` and `invalid_address`. */
	field: z.string().optional(),
	/** For `rate_limited`: how long the distributor asked us to wait. */
	retryAfterMs: z.number().int().nonnegative().optional(),
	/** The distributor's own text, kept for the audit log (secrets masked). */
	detail: z.string().optional()
});
export type AppError = z.infer<typeof AppError>;

export type Ok<T> = { ok: true; value: T };
export type Err = { ok: false; error: AppError };
export type Result<T> = Ok<T> | Err;

export function ok<T>(value: T): Ok<T>;
export function ok(): Ok<void>;
export function ok<T>(value?: T): Ok<T | undefined> {
	return { ok: true, value };
}

export function err(
	code: ErrorCode,
	message: string,
	extra: Partial<Omit<AppError, 'code' | 'message'>> = {}
): Err {
	return { ok: false, error: { code, message, ...extra } };
}

/** Turns a zod failure into a dealer-facing validation error naming the first bad field. */
export function fromZodError(error: z.ZodError, what = 'The input'): Err {
	const first = error.issues[0];
	const field = first?.path.join('.') || undefined;
	const message = first
		? `${what}: ${field ? `${field} ` : ''}${first.message}`.trim()
		: `${what} is not valid.`;
	return err('validation', message, field ? { field } : {});
}
