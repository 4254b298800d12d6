import { describe, expect, it } from 'vitest';
import { readProxyConfig } from './config.ts';

const source = (env: Record<string, string>, files: Record<string, string> = {}) => ({
	env,
	readFile: (path: string) => files[path] ?? null
});

describe("the proxy's own configuration", () => {
	it('reads Automatic’s address from the environment first, then the config file', () => {
		expect(readProxyConfig(source({ DD_AUTOMATIC_API_URL: 'https://ad.example/v2/' }))).toEqual({
			ok: true,
			config: { automaticBaseUrl: 'https://ad.example/v2' }
		});
		const file = { 'dropship-proxy.json': '{"automaticApiUrl":"https://file.example/v2"}' };
		expect(readProxyConfig(source({}, file))).toEqual({
			ok: true,
			config: { automaticBaseUrl: 'https://file.example/v2' }
		});
		expect(
			readProxyConfig(source({ DD_PROXY_CONFIG: '/etc/dd.json' }, { '/etc/dd.json': '{}' }))
		).toEqual({ ok: true, config: {} });
		expect(readProxyConfig(source({}))).toEqual({ ok: true, config: {} });
	});

	it('refuses an address that is not plain https, and a file that is not JSON', () => {
		for (const bad of ['http://ad.example/v2', 'https://u:p@ad.example', 'not a url']) {
			expect(readProxyConfig(source({ DD_AUTOMATIC_API_URL: bad })).ok).toBe(false);
		}
		expect(readProxyConfig(source({}, { 'dropship-proxy.json': '{oops' })).ok).toBe(false);
	});
});
