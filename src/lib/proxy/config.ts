import { existsSync, readFileSync } from 'node:fs';

/**
 * What the proxy learns from its own host, never from a request: today only Automatic's API
 * address, which is not public (the dealer's Automatic rep gives it). Read from the environment
 * (`DD_AUTOMATIC_API_URL`) or from a JSON file (`DD_PROXY_CONFIG`, default `dropship-proxy.json`
 * in the working directory) holding `{ "automaticApiUrl": "https://…" }`.
 */
export interface ProxyConfig {
	automaticBaseUrl?: string;
}

export interface ConfigSource {
	env: Record<string, string | undefined>;
	readFile: (path: string) => string | null;
}

const nodeSource: ConfigSource = {
	env: process.env,
	readFile: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : null)
};

/** The configuration, or why it cannot be used (a bad address is an error, never ignored). */
export function readProxyConfig(
	source: ConfigSource = nodeSource
): { ok: true; config: ProxyConfig } | { ok: false; message: string } {
	let address = source.env.DD_AUTOMATIC_API_URL?.trim();
	if (!address) {
		const path = source.env.DD_PROXY_CONFIG ?? 'dropship-proxy.json';
		const text = source.readFile(path);
		if (text !== null) {
			let parsed: unknown;
			try {
				parsed = JSON.parse(text);
			} catch {
				return { ok: false, message: `${path} is not JSON.` };
			}
			const value = (parsed as { automaticApiUrl?: unknown } | null)?.automaticApiUrl;
			if (value !== undefined && typeof value !== 'string')
				return { ok: false, message: `${path}: automaticApiUrl must be a string.` };
			address = value?.trim();
		}
	}
	if (!address) return { ok: true, config: {} };
	if (!URL.canParse(address))
		return { ok: false, message: `Automatic's API address is not a URL.` };
	const url = new URL(address);
	if (url.protocol !== 'https:' || url.username || url.password || url.search || url.hash)
		return { ok: false, message: `Automatic's API address must be a plain https:// address.` };
	return { ok: true, config: { automaticBaseUrl: address.replace(/\/+$/, '') } };
}
