import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAIL_PORTS, ENV_KEYS, loadServerConfig } from './server-config.ts';

const folder = (file?: unknown) => {
	const dir = mkdtempSync(join(tmpdir(), 'dd-config-'));
	if (file !== undefined)
		writeFileSync(
			join(dir, 'dropship-desk.server.json'),
			typeof file === 'string' ? file : JSON.stringify(file)
		);
	return dir;
};

describe("the server's own configuration", () => {
	it('allows no private host, the four SMTP ports and any sender when nothing is configured', () => {
		expect(loadServerConfig({}, folder())).toEqual({
			outbound: { allowHosts: [] },
			mail: { ports: [...DEFAULT_MAIL_PORTS], from: [] },
			automatic: {},
			woocommerce: { stores: [] }
		});
	});

	it('reads dropship-desk.server.json next to the proxy', () => {
		const dir = folder({
			outbound: { allowHosts: ['mail.shop.lan'] },
			mail: { ports: [587], from: ['parts@ridgeline.example', '@ridgeline.example'] }
		});
		expect(loadServerConfig({}, dir)).toMatchObject({
			outbound: { allowHosts: ['mail.shop.lan'] },
			mail: { ports: [587], from: ['parts@ridgeline.example', '@ridgeline.example'] }
		});
	});

	it('lets environment variables win over the file', () => {
		const dir = folder({ outbound: { allowHosts: ['mail.shop.lan'] }, mail: { ports: [587] } });
		const env = {
			DD_OUTBOUND_ALLOW: ' 10.0.0.25 , relay.lan ',
			DD_MAIL_PORTS: '2525,587',
			DD_MAIL_FROM: 'parts@ridgeline.example'
		};
		expect(loadServerConfig(env, dir)).toMatchObject({
			outbound: { allowHosts: ['10.0.0.25', 'relay.lan'] },
			mail: { ports: [2525, 587], from: ['parts@ridgeline.example'] }
		});
	});

	it.each([
		[{ mail: { ports: [0] } }, /mail\.ports\.0/],
		[{ mail: { from: ['not a sender'] } }, /mail\.from\.0/],
		[{ outbound: { allowHosts: ['x'], allowAll: true } }, /outbound/],
		['{ not json', /is not JSON/]
	])('refuses to start on a bad file: %j', (file, problem) => {
		expect(() => loadServerConfig({}, folder(file))).toThrow(problem);
	});

	it('refuses a bad port in the environment, and a DD_SERVER_CONFIG that is not there', () => {
		expect(() => loadServerConfig({ DD_MAIL_PORTS: '587,smtp' }, folder())).toThrow(
			/mail\.ports\.1/
		);
		expect(() => loadServerConfig({ DD_SERVER_CONFIG: 'missing.json' }, folder())).toThrow(
			/No server config/
		);
	});

	// One test per key: its file form, its variable winning over the file, and what it refuses.
	it('outbound.allowHosts / DD_OUTBOUND_ALLOW: hosts the guard lets through although private', () => {
		const dir = folder({ outbound: { allowHosts: ['mail.shop.lan'] } });
		expect(loadServerConfig({}, dir).outbound.allowHosts).toEqual(['mail.shop.lan']);
		expect(
			loadServerConfig({ DD_OUTBOUND_ALLOW: 'a.lan, 10.0.0.9' }, dir).outbound.allowHosts
		).toEqual(['a.lan', '10.0.0.9']);
		expect(() => loadServerConfig({}, folder({ outbound: { allowHosts: [''] } }))).toThrow(
			/outbound\.allowHosts\.0/
		);
	});

	it('mail.ports / DD_MAIL_PORTS: the SMTP ports /mail may use', () => {
		const dir = folder({ mail: { ports: [587] } });
		expect(loadServerConfig({}, dir).mail.ports).toEqual([587]);
		expect(loadServerConfig({ DD_MAIL_PORTS: '465' }, dir).mail.ports).toEqual([465]);
		expect(() => loadServerConfig({ DD_MAIL_PORTS: '70000' }, dir)).toThrow(
			/^DD_MAIL_PORTS: mail\.ports\.0/
		);
	});

	it('mail.from / DD_MAIL_FROM: the only senders /mail sends as', () => {
		const dir = folder({ mail: { from: ['@ridgeline.example'] } });
		expect(loadServerConfig({}, dir).mail.from).toEqual(['@ridgeline.example']);
		expect(loadServerConfig({ DD_MAIL_FROM: 'parts@x.example' }, dir).mail.from).toEqual([
			'parts@x.example'
		]);
		expect(() => loadServerConfig({ DD_MAIL_FROM: 'nobody' }, dir)).toThrow(/mail\.from\.0/);
	});

	it("automatic.apiUrl / DD_AUTOMATIC_API_URL: Automatic's address, plain https only", () => {
		const dir = folder({ automatic: { apiUrl: 'https://file.example/v2/' } });
		expect(loadServerConfig({}, dir).automatic.apiUrl).toBe('https://file.example/v2');
		expect(
			loadServerConfig({ DD_AUTOMATIC_API_URL: 'https://ad.example/v2' }, dir).automatic.apiUrl
		).toBe('https://ad.example/v2');
		expect(loadServerConfig({}, folder()).automatic.apiUrl).toBeUndefined();
		for (const bad of ['http://ad.example/v2', 'https://u:p@ad.example', 'not a url'])
			expect(() => loadServerConfig({ DD_AUTOMATIC_API_URL: bad }, folder())).toThrow(
				/^DD_AUTOMATIC_API_URL: automatic\.apiUrl/
			);
	});

	it('woocommerce.stores / DD_WOOCOMMERCE_STORES: the stores the proxy may reach, https on the default port', () => {
		const dir = folder({ woocommerce: { stores: ['https://Shop.Ridgeline.example/store/'] } });
		expect(loadServerConfig({}, dir).woocommerce.stores).toEqual([
			'https://shop.ridgeline.example/store'
		]);
		expect(
			loadServerConfig({ DD_WOOCOMMERCE_STORES: 'https://a.example, https://b.example/shop' }, dir)
				.woocommerce.stores
		).toEqual(['https://a.example', 'https://b.example/shop']);
		for (const bad of [
			'http://plain.example',
			'https://user:pw@x.example',
			'https://x.example:8443'
		])
			expect(() => loadServerConfig({ DD_WOOCOMMERCE_STORES: bad }, folder())).toThrow(
				/^DD_WOOCOMMERCE_STORES: woocommerce\.stores\.0/
			);
	});

	it('knows no key it does not document, and the old file names are not read', () => {
		expect(() => loadServerConfig({}, folder({ automaticApiUrl: 'https://x.example' }))).toThrow(
			/dropship-desk\.server\.json/
		);
		const dir = folder();
		writeFileSync(join(dir, 'dropship-proxy.json'), '{"automaticApiUrl":"https://x.example"}');
		expect(loadServerConfig({}, dir).automatic).toEqual({});
	});

	it("every key is in the README's proxy section, with its variable", () => {
		const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
		const section = readme.slice(readme.indexOf("## The proxy's configuration"));
		for (const { env, path } of ENV_KEYS)
			expect(section).toContain(`| \`${env}\` | \`${path.join('.')}\` |`);
	});
});
