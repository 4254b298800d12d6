import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	startFtpTestServer,
	startSilentServer,
	type FtpTestServer
} from '../../test-support/feeds/ftp-test-server.ts';
import { stubResolver } from '../../test-support/proxy/outbound-kit.ts';
import type { FtpFetchRequest } from '../domain/feed-source.ts';
import { createFtpBridgeHandler, type FtpBridgeOptions } from './ftp-bridge.ts';

const APP = 'http://127.0.0.1:4173';
const HOST = 'ftp.tucker.test';
const fixture = (name: string) =>
	new Uint8Array(readFileSync(new URL(`../feeds/fixtures/${name}`, import.meta.url)));

let server: FtpTestServer;
beforeAll(async () => {
	server = await startFtpTestServer({ user: 'dealer42', password: 'open sesame' });
	server.put('feeds/itemmstrnew', fixture('tucker-itemmstrnew.txt'));
	server.put('feeds/invlist', fixture('tucker-invlist.txt'));
	server.put('feeds/automatic.csv', fixture('automatic-generic.csv'));
	server.put('outside/secret.txt', 'not for the bridge');
});
afterAll(() => server.close());

function bridge(overrides: Partial<FtpBridgeOptions> = {}, port = server.port) {
	return createFtpBridgeHandler({
		appOrigins: [APP],
		// The name resolves to loopback: only the operator's allowHosts lets it through.
		outbound: { allowHosts: [HOST], resolve: stubResolver({ [HOST]: '127.0.0.1' }) },
		ftp: { hosts: [`${HOST}:${port}`], maxBytes: 1024 * 1024, timeoutMs: 5_000 },
		requiredHeader: { name: 'x-dropship-desk', value: '1' },
		...overrides
	});
}

function post(body: Partial<FtpFetchRequest> & Record<string, unknown>, port = server.port) {
	return new Request(`${APP}/proxy/ftp/tucker`, {
		method: 'POST',
		headers: { origin: APP, 'x-dropship-desk': '1', 'content-type': 'application/json' },
		body: JSON.stringify({
			host: HOST,
			port,
			user: 'dealer42',
			password: 'open sesame',
			path: '/feeds',
			file: 'itemmstrnew',
			...body
		})
	});
}

async function failure(response: Response) {
	return {
		status: response.status,
		...((await response.json()) as { error: string; message: string })
	};
}

describe('the FTP bridge (/proxy/ftp/<distributor>)', () => {
	it("streams Tucker's two fixed-width files and a CSV byte for byte", async () => {
		const handle = bridge();
		for (const [file, name] of [
			['itemmstrnew', 'tucker-itemmstrnew.txt'],
			['invlist', 'tucker-invlist.txt'],
			['automatic.csv', 'automatic-generic.csv']
		] as const) {
			const response = await handle(post({ file }));
			expect(response.status).toBe(200);
			expect(response.headers.get('access-control-allow-origin')).toBe(APP);
			expect(new Uint8Array(await response.arrayBuffer())).toEqual(fixture(name));
		}
	});

	it('says the login was refused for a wrong password', async () => {
		const answer = await failure(await bridge()(post({ password: 'wrong' })));
		expect(answer).toMatchObject({ status: 502, error: 'login_refused' });
		expect(answer.message).toMatch(/login refused/);
		expect(answer.message).not.toContain('wrong');
	});

	it('names a file that is not there', async () => {
		const answer = await failure(await bridge()(post({ file: 'itemmstr-old' })));
		expect(answer).toMatchObject({ status: 404, error: 'not_found' });
		expect(answer.message).toBe('itemmstr-old in /feeds was not found.');
	});

	it('refuses a file over the cap', async () => {
		server.put('feeds/huge.csv', 'x'.repeat(5000));
		const handle = bridge({
			ftp: { hosts: [`${HOST}:${server.port}`], maxBytes: 4096, timeoutMs: 5000 }
		});
		const answer = await failure(await handle(post({ file: 'huge.csv' })));
		expect(answer).toMatchObject({ status: 413, error: 'too_large' });
	});

	it('gives up on a server that does not answer', async () => {
		const silent = await startSilentServer();
		try {
			const handle = bridge(
				{ ftp: { hosts: [`${HOST}:${silent.port}`], maxBytes: 4096, timeoutMs: 300 } },
				silent.port
			);
			const answer = await failure(await handle(post({}, silent.port)));
			expect(answer).toMatchObject({ status: 504, error: 'timeout' });
		} finally {
			await silent.close();
		}
	});

	it("refuses a host that is not in the server's configuration, without connecting", async () => {
		const before = server.logins();
		const handle = bridge({ ftp: { hosts: ['ftp.other.test'], maxBytes: 4096, timeoutMs: 5000 } });
		const answer = await failure(await handle(post({})));
		expect(answer).toMatchObject({ status: 403, error: 'host_not_configured' });
		expect(answer.message).toMatch(/DD_FTP_HOSTS/);
		expect(server.logins()).toBe(before);
	});

	it('refuses a configured host that resolves to 127.0.0.1 unless the operator allows it', async () => {
		const before = server.logins();
		const refused = bridge({
			outbound: { allowHosts: [], resolve: stubResolver({ [HOST]: '127.0.0.1' }) }
		});
		const answer = await failure(await refused(post({})));
		expect(answer).toMatchObject({ status: 403, error: 'guard' });
		expect(answer.message).toMatch(/loopback/);
		expect(server.logins()).toBe(before);
		expect((await bridge()(post({}))).status).toBe(200);
	});

	it.each([
		[{ path: '/feeds/../outside' }],
		[{ file: '../outside/secret.txt' }],
		[{ file: 'secret.txt', path: '/outside/..' }],
		[{ host: 'ftp.tucker.test', extra: 'walk' }]
	])('refuses a path out of its folder or an unknown field: %j', async (body) => {
		const answer = await failure(await bridge()(post(body)));
		expect(answer).toMatchObject({ status: 400, error: 'bad_request' });
		expect(answer.message).not.toContain('open sesame');
	});

	it('answers only the app: another origin, no header, or a GET is refused', async () => {
		const handle = bridge();
		const other = post({});
		const foreign = new Request(other, {
			headers: { ...Object.fromEntries(other.headers), origin: 'https://evil.example' }
		});
		expect((await handle(foreign)).status).toBe(403);
		const bare = new Request(`${APP}/proxy/ftp/tucker`, {
			method: 'POST',
			headers: { origin: APP }
		});
		expect((await handle(bare)).status).toBe(403);
		const get = new Request(`${APP}/proxy/ftp/tucker`, {
			headers: { origin: APP, 'x-dropship-desk': '1' }
		});
		expect((await handle(get)).status).toBe(405);
	});
});
