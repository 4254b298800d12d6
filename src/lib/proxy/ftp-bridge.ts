import { DistributorId } from '../domain/distributor.ts';
import { FtpFetchRequest, type FtpFailure } from '../domain/feed-source.ts';
import { isDeclaredTooLarge, readCapped } from './body.ts';
import { downloadFtpFile } from './ftp-download.ts';
import { resolveOutbound, type OutboundPolicy } from './outbound.ts';
import { createRateLimiter, type RateLimit } from './rate-limit.ts';
import { checkOrigin, preflight, proxyError, withCors } from './responses.ts';
import type { ServerConfig } from './server-config.ts';

/**
 * The FTP bridge: `POST /proxy/ftp/<distributor>` with the FTP login and one file name in a JSON
 * body; the answer is the file's bytes, streamed. Browsers cannot speak FTP, and Tucker's and
 * Automatic's feeds are only on FTP (distributors.md §4.2, §5.1).
 *
 * It reaches only the FTP hosts of the server's own configuration (`ftp.hosts`, never a request),
 * through the outbound guard (a host that resolves privately is refused unless the operator
 * allows it in `outbound.allowHosts`); one plain file name inside one folder, no `..`; a size cap
 * and an idle timeout. The login comes with each request and is kept nowhere; nothing about the
 * request is logged.
 */
export interface FtpBridgeOptions {
	appOrigins: readonly string[];
	outbound: OutboundPolicy;
	ftp: ServerConfig['ftp'];
	requiredHeader?: { name: string; value: string };
	rateLimit?: RateLimit;
	now?: () => number;
}

/** HTTP status per failure: 4xx when the request cannot work as sent, 5xx when the FTP side failed. */
const STATUS: Record<FtpFailure, number> = {
	bad_request: 400,
	host_not_configured: 403,
	guard: 403,
	dns: 502,
	refused: 502,
	timeout: 504,
	tls: 502,
	login_refused: 502,
	not_found: 404,
	too_large: 413,
	network: 502
};

const MAX_REQUEST_BYTES = 8 * 1024;
const FTP_PORT_DEFAULT = 21;

/** "ftp.tucker.com" or "ftp.tucker.com:2121", normalised, with the port it stands for. */
function configuredHosts(hosts: readonly string[]): { host: string; port: number | null }[] {
	return hosts.map((entry) => {
		const match = /^(.*?)(?::(\d+))?$/.exec(entry.trim().toLowerCase());
		return { host: match?.[1] ?? '', port: match?.[2] ? Number(match[2]) : null };
	});
}

export function createFtpBridgeHandler(options: FtpBridgeOptions) {
	const hosts = configuredHosts(options.ftp.hosts);
	const limiter = createRateLimiter(options.rateLimit ?? { limit: 60, windowMs: 60_000 });
	const now = options.now ?? Date.now;
	const answer = (error: FtpFailure, message: string, stage: 'rejected' | 'upstream') =>
		proxyError(STATUS[error], error, message, stage);

	async function handle(request: Request): Promise<Response> {
		if (request.method === 'OPTIONS') return preflight(options.requiredHeader?.name);
		const required = options.requiredHeader;
		if (required && request.headers.get(required.name) !== required.value)
			return proxyError(403, 'header_missing', 'Not from this app.', 'rejected');
		if (request.method !== 'POST')
			return proxyError(405, 'method_refused', 'Only POST.', 'rejected', { allow: 'POST' });
		const wait = limiter.take('*', now());
		if (wait > 0)
			return proxyError(429, 'rate_limited', 'Too many requests.', 'rejected', {
				'retry-after': String(wait)
			});
		const distributor = /^\/proxy\/ftp\/([a-z-]+)$/.exec(new URL(request.url).pathname)?.[1];
		if (!DistributorId.safeParse(distributor).success)
			return answer('bad_request', 'No such distributor.', 'rejected');
		const read = isDeclaredTooLarge(request.headers, MAX_REQUEST_BYTES)
			? 'too_large'
			: await readCapped(request.body, MAX_REQUEST_BYTES).catch(() => null);
		let body: unknown = null;
		try {
			if (read !== null && read !== 'too_large') body = JSON.parse(new TextDecoder().decode(read));
		} catch {
			body = null;
		}
		const parsed = FtpFetchRequest.safeParse(body);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			// The path of the field only, never its value: the body holds a password.
			return answer(
				'bad_request',
				`The FTP request is not valid (${issue?.path.join('.')}: ${issue?.message}).`,
				'rejected'
			);
		}
		const ftp = parsed.data;
		const isConfigured = hosts.some(
			(h) => h.host === ftp.host && (h.port ?? FTP_PORT_DEFAULT) === ftp.port
		);
		if (!isConfigured)
			return answer(
				'host_not_configured',
				`${ftp.host}:${ftp.port} is not an FTP host this server may reach; whoever runs it can add it (ftp.hosts in dropship-desk.server.json, or DD_FTP_HOSTS).`,
				'rejected'
			);
		const target = await resolveOutbound({
			host: ftp.host,
			port: ftp.port,
			policy: options.outbound
		});
		if (!target.ok) return answer(target.reason, target.message, 'rejected');
		const outcome = await downloadFtpFile({
			target,
			user: ftp.user,
			password: ftp.password,
			path: ftp.path,
			file: ftp.file,
			tls: ftp.tls,
			maxBytes: options.ftp.maxBytes,
			timeoutMs: options.ftp.timeoutMs,
			signal: request.signal,
			...(options.outbound.extraCa ? { extraCa: options.outbound.extraCa } : {})
		});
		if (!outcome.ok) return answer(outcome.error, outcome.message, 'upstream');
		return new Response(outcome.body, {
			status: 200,
			headers: {
				'content-type': 'application/octet-stream',
				'cache-control': 'no-store',
				...(outcome.size !== null ? { 'x-ftp-size': String(outcome.size) } : {})
			}
		});
	}

	return async (request: Request): Promise<Response> => {
		const gate = checkOrigin(request, options.appOrigins);
		if (!gate.ok) return proxyError(403, 'origin_refused', 'Not from this app.', 'rejected');
		let response: Response;
		try {
			response = await handle(request);
		} catch {
			response = proxyError(500, 'proxy_error', 'The FTP bridge failed.', 'rejected');
		}
		return withCors(response, gate.allowOrigin);
	};
}
