import { z } from 'zod';
import { DistributorId } from './distributor';

/** One distributor call (or one sync conflict resolved): when, what, result. Never a secret. */
export const AuditEntry = z.object({
	seq: z.number().int().optional(),
	at: z.iso.datetime(),
	/** Absent for what is not a distributor call (a sync conflict resolved, say). */
	distributorId: DistributorId.optional(),
	operation: z.string(),
	method: z.string(),
	/** The URL with credentials in the query string masked. */
	url: z.string(),
	status: z.number().int().optional(),
	ok: z.boolean(),
	durationMs: z.number().nonnegative(),
	poNumber: z.string().optional(),
	message: z.string().optional()
});
export type AuditEntry = z.infer<typeof AuditEntry>;

const SECRET_PARAMS = new Set([
	'apikey',
	'api_key',
	'api-key',
	'token',
	'access_token',
	'password',
	'cust'
]);

/** Removes credentials carried in a query string (Tucker's apikey/cust) before anything logs a URL. */
export function maskUrl(url: string): string {
	try {
		const parsed = new URL(url);
		for (const key of [...parsed.searchParams.keys()]) {
			if (SECRET_PARAMS.has(key.toLowerCase())) parsed.searchParams.set(key, '***');
		}
		return parsed.toString();
	} catch {
		return url.replace(/([?&](?:apikey|api_key|token|password|cust)=)[^&]*/gi, '$1***');
	}
}
