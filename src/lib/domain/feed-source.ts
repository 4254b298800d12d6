import { z } from 'zod';
// Relative with .ts: the proxy (plain node) reads FtpFetchRequest from here too.
import { DistributorId } from './distributor.ts';

/**
 * Where a distributor's morning feed comes from (Catalog › the distributor's card › Source), and
 * the request the worker sends the proxy's FTP bridge. Secrets (the FTP and portal passwords) are
 * never in these shapes: they are sealed beside them in the worker (worker/feeds/sources.ts).
 */

/** A file name on the FTP server: one plain name, never a path (no walking out of the folder). */
export const FtpFileName = z
	.string()
	.trim()
	.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'must be a plain file name (letters, digits, . _ -)');

/** The folder on the FTP server: an absolute path with no `..`, `.` or empty steps. */
export const FtpPath = z
	.string()
	.trim()
	.regex(/^\/(?:[A-Za-z0-9_-][A-Za-z0-9._ -]*(?:\/|$))*$/, 'must be a folder like /feeds')
	.refine((path) => !path.split('/').some((step) => step === '..' || step === '.'), {
		message: 'must not step out of its folder (..)'
	});

export const FtpHost = z
	.string()
	.trim()
	.toLowerCase()
	.regex(/^[a-z0-9.-]{1,253}$|^\[?[0-9a-f:.]+\]?$/, 'must be a host name such as ftp.tucker.com');

/** "when offered": FTPS if the server says AUTH TLS in its features, plain FTP otherwise. */
export const FtpTls = z.enum(['when-offered', 'required', 'off']);
export type FtpTls = z.infer<typeof FtpTls>;

/** What the worker posts to `/proxy/ftp/<distributor>`: one file per request. */
export const FtpFetchRequest = z.strictObject({
	host: FtpHost,
	port: z.number().int().min(1).max(65_535).default(21),
	user: z.string().min(1).max(200),
	password: z.string().max(500),
	path: FtpPath,
	file: FtpFileName,
	tls: FtpTls.default('when-offered')
});
export type FtpFetchRequest = z.input<typeof FtpFetchRequest>;

/** The error codes the bridge answers with, each with its dealer-worded message. */
export const FtpFailure = z.enum([
	'bad_request',
	'host_not_configured',
	'guard',
	'dns',
	'refused',
	'timeout',
	'tls',
	'login_refused',
	'not_found',
	'too_large',
	'network'
]);
export type FtpFailure = z.infer<typeof FtpFailure>;

/** "HH:MM", 24-hour, local time. */
export const PublishTime = z
	.string()
	.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 06:00');

export const DEFAULT_PUBLISH_TIME = '06:00';

export const FeedSourceKind = z.enum(['upload', 'url', 'ftp', 'wps-api', 'pu-pricefile']);
export type FeedSourceKind = z.infer<typeof FeedSourceKind>;

/** A distributor's feed source as stored (secrets aside). */
export const FeedSource = z.object({
	kind: FeedSourceKind,
	publishTime: PublishTime.default(DEFAULT_PUBLISH_TIME),
	url: z.url().optional(),
	ftp: z
		.object({
			host: FtpHost,
			port: z.number().int().min(1).max(65_535).default(21),
			user: z.string().trim().min(1),
			path: FtpPath.default('/'),
			files: z.array(FtpFileName).min(1).max(4),
			tls: FtpTls.default('when-offered')
		})
		.optional(),
	/** PU's dealer portal login (the price file is not behind the API key). */
	portal: z
		.object({ dealerCode: z.string().trim().min(1), username: z.string().trim().min(1) })
		.optional(),
	/** "••••••word": the sealed password's last characters, so the form shows one is saved. */
	passwordHint: z.string().optional()
});
export type FeedSource = z.infer<typeof FeedSource>;

/** Which source kinds a distributor offers (distributors.md §2–5). */
export const SOURCE_KINDS: Readonly<Record<DistributorId, readonly FeedSourceKind[]>> = {
	wps: ['upload', 'url', 'wps-api'],
	pu: ['upload', 'url', 'pu-pricefile', 'ftp'],
	tucker: ['upload', 'url', 'ftp'],
	automatic: ['upload', 'url', 'ftp']
};

/** Whether the schedule fetches this source by itself (an upload waits for the dealer). */
export const isAutomatic = (source: Pick<FeedSource, 'kind'> | undefined): boolean =>
	source !== undefined && source.kind !== 'upload';

/** Whether a source needs a password (sealed beside it). */
export const needsPassword = (kind: FeedSourceKind): boolean =>
	kind === 'ftp' || kind === 'pu-pricefile';

/** What is missing for the source to be fetched, in the dealer's words; null when complete. */
export function sourceGap(source: FeedSource, hasPassword: boolean): string | null {
	if (source.kind === 'url' && !source.url) return 'the address is missing';
	if (source.kind === 'ftp' && !source.ftp) return 'the FTP host, user and files are missing';
	if (source.kind === 'pu-pricefile' && !source.portal) return 'the dealer portal login is missing';
	if (needsPassword(source.kind) && !hasPassword) return 'the password is missing';
	return null;
}

export const SOURCE_LABELS: Readonly<Record<FeedSourceKind, string>> = {
	upload: 'Upload by hand',
	url: 'Download from an address',
	ftp: 'FTP',
	'wps-api': 'WPS catalog API',
	'pu-pricefile': 'Parts Unlimited price file'
};

/**
 * The address the worker posts FTP requests to. Not a real host: the live transport maps it onto
 * the proxy's `/proxy/ftp/<distributor>` on the app's own origin, the demo answers it with a
 * simulated bridge; nothing ever resolves it.
 */
export const FTP_BRIDGE_BASE = 'https://ftp-bridge.dropship-desk.invalid';
