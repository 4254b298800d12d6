import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_FTP_MAX_BYTES,
	DEFAULT_FTP_TIMEOUT_MS,
	DEFAULT_MAIL_PORTS,
	loadServerConfig
} from './server-config.ts';

const NO_FTP = { hosts: [], maxBytes: DEFAULT_FTP_MAX_BYTES, timeoutMs: DEFAULT_FTP_TIMEOUT_MS };

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
			ftp: NO_FTP
		});
	});

	it('reads dropship-desk.server.json next to the proxy', () => {
		const dir = folder({
			outbound: { allowHosts: ['mail.shop.lan'] },
			mail: { ports: [587], from: ['parts@ridgeline.example', '@ridgeline.example'] }
		});
		expect(loadServerConfig({}, dir)).toEqual({
			outbound: { allowHosts: ['mail.shop.lan'] },
			mail: { ports: [587], from: ['parts@ridgeline.example', '@ridgeline.example'] },
			ftp: NO_FTP
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
			mail: { ports: [2525, 587], from: ['parts@ridgeline.example'] },
			ftp: NO_FTP
		});
	});

	it('reads the FTP hosts of the feed bridge from the file, DD_FTP_HOSTS winning', () => {
		const dir = folder({ ftp: { hosts: ['ftp.tucker.com'], maxBytes: 1024, timeoutMs: 5000 } });
		expect(loadServerConfig({}, dir).ftp).toEqual({
			hosts: ['ftp.tucker.com'],
			maxBytes: 1024,
			timeoutMs: 5000
		});
		const env = { DD_FTP_HOSTS: 'ftp.autodist.com:2121, ftp.tucker.com' };
		expect(loadServerConfig(env, dir).ftp.hosts).toEqual([
			'ftp.autodist.com:2121',
			'ftp.tucker.com'
		]);
	});

	it.each([
		[{ mail: { ports: [0] } }, /mail\.ports\.0/],
		[{ mail: { from: ['not a sender'] } }, /mail\.from\.0/],
		[{ outbound: { allowHosts: ['x'], allowAll: true } }, /outbound/],
		[{ ftp: { hosts: ['ftp.tucker.com'], walk: true } }, /ftp/],
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
