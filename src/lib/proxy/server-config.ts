import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The server side's own settings, which no request can change: the operator writes them in
 * `dropship-desk.server.json` next to the proxy (the folder it is started from; another path
 * with `DD_SERVER_CONFIG`) or in environment variables, which win over the file:
 *
 *   DD_OUTBOUND_ALLOW  host names or addresses the server may reach although they are private,
 *                      e.g. "mail.shop.lan,10.0.0.25" (an SMTP server inside the dealer's network)
 *   DD_MAIL_PORTS      the SMTP ports /mail may use (default 25, 465, 587, 2525)
 *   DD_MAIL_FROM       the only senders /mail sends as: addresses or "@domain" (default: the
 *                      dealer's from address as the app sends it)
 *   DD_FTP_HOSTS       the FTP hosts the feed bridge (/proxy/ftp/…) may reach, as the distributors
 *                      give them with the account, e.g. "ftp.tucker.com,ftp.autodist.com:2121";
 *                      none by default (a private one must also be in DD_OUTBOUND_ALLOW)
 *
 *   { "outbound": { "allowHosts": ["mail.shop.lan"] },
 *     "mail": { "ports": [587], "from": ["parts@ridgeline.example"] },
 *     "ftp": { "hosts": ["ftp.tucker.com"], "maxBytes": 209715200, "timeoutMs": 60000 } }
 */
export const DEFAULT_MAIL_PORTS: readonly number[] = [25, 465, 587, 2525];

const Port = z.number().int().min(1).max(65_535);
const Sender = z.union([z.email(), z.string().regex(/^@[a-z0-9.-]+$/i, 'is not an @domain')]);

/** A feed is a few tens of MB; the bridge stops far above that. */
export const DEFAULT_FTP_MAX_BYTES = 200 * 1024 * 1024;
export const DEFAULT_FTP_TIMEOUT_MS = 60_000;
const FTP_DEFAULTS = {
	hosts: [],
	maxBytes: DEFAULT_FTP_MAX_BYTES,
	timeoutMs: DEFAULT_FTP_TIMEOUT_MS
};

export const ServerConfig = z.strictObject({
	outbound: z.strictObject({ allowHosts: z.array(z.string().min(1)).default([]) }).default({
		allowHosts: []
	}),
	mail: z
		.strictObject({
			ports: z
				.array(Port)
				.min(1)
				.default([...DEFAULT_MAIL_PORTS]),
			from: z.array(Sender).default([])
		})
		.default({ ports: [...DEFAULT_MAIL_PORTS], from: [] }),
	ftp: z
		.strictObject({
			/** "host" or "host:port"; a request naming any other is refused. */
			hosts: z.array(z.string().min(1)).default([]),
			maxBytes: z.number().int().positive().default(DEFAULT_FTP_MAX_BYTES),
			/** Idle time on the control or data connection before the bridge gives up. */
			timeoutMs: z.number().int().positive().default(DEFAULT_FTP_TIMEOUT_MS)
		})
		.default(FTP_DEFAULTS)
});
export type ServerConfig = z.infer<typeof ServerConfig>;

const list = (value: string | undefined) =>
	value === undefined
		? undefined
		: value
				.split(',')
				.map((item) => item.trim())
				.filter((item) => item !== '');

/** Reads the file (if any) and the environment; throws with the file's problem in words. */
export function loadServerConfig(
	env: Record<string, string | undefined> = process.env,
	cwd = process.cwd()
): ServerConfig {
	const path = resolve(cwd, env.DD_SERVER_CONFIG ?? 'dropship-desk.server.json');
	let fromFile: unknown = {};
	if (existsSync(path)) {
		try {
			fromFile = JSON.parse(readFileSync(path, 'utf8'));
		} catch (cause) {
			throw new Error(`${path} is not JSON: ${cause instanceof Error ? cause.message : cause}`);
		}
	} else if (env.DD_SERVER_CONFIG !== undefined) throw new Error(`No server config at ${path}.`);
	const config = parseOrThrow(fromFile, path);
	const allow = list(env.DD_OUTBOUND_ALLOW);
	const ports = list(env.DD_MAIL_PORTS)?.map(Number);
	const from = list(env.DD_MAIL_FROM);
	const ftpHosts = list(env.DD_FTP_HOSTS);
	return parseOrThrow(
		{
			outbound: { allowHosts: allow ?? config.outbound.allowHosts },
			mail: { ports: ports ?? config.mail.ports, from: from ?? config.mail.from },
			ftp: { ...config.ftp, hosts: ftpHosts ?? config.ftp.hosts }
		},
		`${path} with DD_OUTBOUND_ALLOW, DD_MAIL_PORTS, DD_MAIL_FROM and DD_FTP_HOSTS`
	);
}

function parseOrThrow(value: unknown, where: string): ServerConfig {
	const parsed = ServerConfig.safeParse(value);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0];
	throw new Error(`${where}: ${issue?.path.join('.')} ${issue?.message}`);
}
