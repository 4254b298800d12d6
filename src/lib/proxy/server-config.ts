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
 *
 *   { "outbound": { "allowHosts": ["mail.shop.lan"] },
 *     "mail": { "ports": [587], "from": ["parts@ridgeline.example"] } }
 */
export const DEFAULT_MAIL_PORTS: readonly number[] = [25, 465, 587, 2525];

const Port = z.number().int().min(1).max(65_535);
const Sender = z.union([z.email(), z.string().regex(/^@[a-z0-9.-]+$/i, 'is not an @domain')]);

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
		.default({ ports: [...DEFAULT_MAIL_PORTS], from: [] })
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
	return parseOrThrow(
		{
			outbound: { allowHosts: allow ?? config.outbound.allowHosts },
			mail: { ports: ports ?? config.mail.ports, from: from ?? config.mail.from }
		},
		`${path} with DD_OUTBOUND_ALLOW, DD_MAIL_PORTS and DD_MAIL_FROM`
	);
}

function parseOrThrow(value: unknown, where: string): ServerConfig {
	const parsed = ServerConfig.safeParse(value);
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0];
	throw new Error(`${where}: ${issue?.path.join('.')} ${issue?.message}`);
}
