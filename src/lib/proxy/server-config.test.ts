import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAIL_PORTS, loadServerConfig } from './server-config.ts';

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
			mail: { ports: [...DEFAULT_MAIL_PORTS], from: [] }
		});
	});

	it('reads dropship-desk.server.json next to the proxy', () => {
		const dir = folder({
			outbound: { allowHosts: ['mail.shop.lan'] },
			mail: { ports: [587], from: ['parts@ridgeline.example', '@ridgeline.example'] }
		});
		expect(loadServerConfig({}, dir)).toEqual({
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
		expect(loadServerConfig(env, dir)).toEqual({
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
});
