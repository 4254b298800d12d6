import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The server side's one configuration, which no request can change: what the proxy, /mail and
 * the bridges may reach. The operator writes it in `dropship-desk.server.json` next to the server
 * (the folder it is started from; another path with `DD_SERVER_CONFIG`) or in `DD_*` environment
 * variables, which win over the file key by key:
 *
 *   file key               variable               what it says
 *   outbound.allowHosts    DD_OUTBOUND_ALLOW      hosts or addresses the server may reach although
 *                                                 they resolve privately ("mail.shop.lan,10.0.0.25")
 *   mail.ports             DD_MAIL_PORTS          the SMTP ports /mail may use (25, 465, 587, 2525)
 *   mail.from              DD_MAIL_FROM           the only senders /mail sends as (addresses or
 *                                                 "@domain"; default: whatever the app sends as)
 *   automatic.apiUrl       DD_AUTOMATIC_API_URL   Automatic's API address from the dealer's rep
 *   woocommerce.stores     DD_WOOCOMMERCE_STORES  the WooCommerce stores the proxy may reach
 *                                                 (https://shop.example or https://x.example/shop)
 *
 * Lists in variables are comma-separated. A new key is one line in `ServerConfig` and one row in
 * `ENV_KEYS` (and a line in the README's proxy section).
 */
export const DEFAULT_MAIL_PORTS: readonly number[] = [25, 465, 587, 2525];

const Port = z.number().int().min(1).max(65_535);
const Sender = z.union([z.email(), z.string().regex(/^@[a-z0-9.-]+$/i, 'is not an @domain')]);

/** A plain https address (no user, query or fragment), kept without its trailing slash. */
const HttpsBase = z
	.string()
	.trim()
	.refine((value) => URL.canParse(value), 'is not an address')
	.refine((value) => {
		if (!URL.canParse(value)) return true; // said once, by the check above
		const url = new URL(value);
		return url.protocol === 'https:' && !url.username && !url.password && !url.search && !url.hash;
	}, 'must be a plain https:// address')
	.transform((value) => value.replace(/\/+$/, ''));

/** A WooCommerce store: an https base on the default port, compared in lower case. */
const WooStore = HttpsBase.refine(
	(value) => !URL.canParse(value) || new URL(value).port === '',
	'must use the default https port'
).transform((value) => {
	const url = new URL(value);
	return `https://${url.hostname.toLowerCase()}${url.pathname.replace(/\/+$/, '')}`;
});

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
	automatic: z.strictObject({ apiUrl: HttpsBase.optional() }).default({}),
	woocommerce: z.strictObject({ stores: z.array(WooStore).default([]) }).default({ stores: [] })
});
export type ServerConfig = z.infer<typeof ServerConfig>;

const list = (value: string) =>
	value
		.split(',')
		.map((item) => item.trim())
		.filter((item) => item !== '');

/** Each variable, the file key it overrides, and how its text becomes that key's value. */
export const ENV_KEYS: readonly {
	env: string;
	path: readonly [string, string];
	read: (text: string) => unknown;
}[] = [
	{ env: 'DD_OUTBOUND_ALLOW', path: ['outbound', 'allowHosts'], read: list },
	{ env: 'DD_MAIL_PORTS', path: ['mail', 'ports'], read: (text) => list(text).map(Number) },
	{ env: 'DD_MAIL_FROM', path: ['mail', 'from'], read: list },
	{ env: 'DD_AUTOMATIC_API_URL', path: ['automatic', 'apiUrl'], read: (text) => text.trim() },
	{ env: 'DD_WOOCOMMERCE_STORES', path: ['woocommerce', 'stores'], read: list }
];

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The file's keys with every set variable laid over its key (an empty variable counts as unset). */
function withEnvironment(file: unknown, env: Record<string, string | undefined>): unknown {
	if (!isRecord(file)) return file;
	const merged: Record<string, unknown> = { ...file };
	for (const { env: name, path, read } of ENV_KEYS) {
		const text = env[name];
		if (text === undefined || text.trim() === '') continue;
		const [section, key] = path;
		const current = merged[section];
		merged[section] = { ...(isRecord(current) ? current : {}), [key]: read(text) };
	}
	return merged;
}

/** Reads the file (if any) and the environment; throws with the problem in words. */
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
	const parsed = ServerConfig.safeParse(withEnvironment(fromFile, env));
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0];
	const key = issue?.path.slice(0, 2).join('.') ?? '';
	const variable = ENV_KEYS.find((k) => k.path.join('.') === key && env[k.env]?.trim());
	const where = variable ? variable.env : path;
	throw new Error(`${where}: ${issue?.path.join('.')} ${issue?.message}`);
}
