import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSetting } from '$lib/db/setting-rows';
import type { ColumnMapping } from '$lib/feeds/types';
import { createFtpBridgeHandler } from '$lib/proxy/ftp-bridge';
import type { ServerConfig } from '$lib/proxy/server-config';
import {
	startFtpTestServer,
	startSilentServer,
	type FtpTestServer
} from '$test-support/feeds/ftp-test-server';
import { stubResolver } from '$test-support/proxy/outbound-kit';
import { createTestDeps } from '$test-support/worker/test-deps';
import { createApi } from '../api';
import { createLiveFetch } from '../core/transport';

/**
 * Feeds fetched by FTP end to end: the worker's live transport → the proxy's FTP bridge (called
 * in-process) → a real ftp-srv on 127.0.0.1 → the catalog. A failure names its reason and leaves
 * the catalog as it was.
 */
const APP = 'http://127.0.0.1:4173';
const HOST = 'ftp.tucker.test';
const LOGIN = { user: 'dealer42', password: 'open sesame' };
const fixture = (name: string) =>
	new Uint8Array(readFileSync(new URL(`../../feeds/fixtures/${name}`, import.meta.url)));

const AUTOMATIC_MAPPING: ColumnMapping = {
	sku: 'Item #',
	cost: 'Your Cost',
	mpn: 'Mfg Part',
	brand: 'Manufacturer',
	description: 'Description',
	msrp: 'Retail',
	upc: 'UPC',
	stock: [
		{ column: 'Qty East', warehouse: 'EAST' },
		{ column: 'Qty West', warehouse: 'WEST' }
	]
};

let server: FtpTestServer;
beforeAll(async () => {
	server = await startFtpTestServer(LOGIN);
	server.put('feeds/itemmstrnew', fixture('tucker-itemmstrnew.txt'));
	server.put('feeds/invlist', fixture('tucker-invlist.txt'));
	server.put('auto/catalog.csv', fixture('automatic-generic.csv'));
});
afterAll(() => server.close());

function world() {
	/** The proxy's configuration; a test changes it between fetches. */
	const ftp: ServerConfig['ftp'] = {
		hosts: [`${HOST}:${server.port}`],
		maxBytes: 1024 * 1024,
		timeoutMs: 5_000
	};
	// The browser's fetch, minus the network: a request to our own origin reaches the bridge.
	const toBridge: typeof fetch = async (input, init) => {
		const request = new Request(input, init);
		expect(new URL(request.url).pathname).toMatch(/^\/proxy\/ftp\//);
		const bridge = createFtpBridgeHandler({
			appOrigins: [APP],
			outbound: { allowHosts: [HOST], resolve: stubResolver({ [HOST]: '127.0.0.1' }) },
			ftp,
			requiredHeader: { name: 'x-dropship-desk', value: '1' }
		});
		const headers = { ...Object.fromEntries(request.headers), origin: APP };
		return bridge(new Request(request, { headers }));
	};
	const deps = createTestDeps({ fetch: createLiveFetch(APP, toBridge) });
	return { deps, api: createApi(deps), ftp };
}

type World = ReturnType<typeof world>;

async function tuckerSource(
	{ api }: World,
	over: { password?: string; files?: string[]; port?: number; host?: string } = {}
) {
	const saved = await api.feeds.saveSource({
		distributorId: 'tucker',
		source: {
			kind: 'ftp',
			publishTime: '06:00',
			ftp: {
				host: over.host ?? HOST,
				port: over.port ?? server.port,
				user: LOGIN.user,
				path: '/feeds',
				files: over.files ?? ['itemmstrnew', 'invlist'],
				tls: 'when-offered'
			}
		},
		password: over.password ?? LOGIN.password
	});
	expect(saved.ok).toBe(true);
}

async function currentFeed({ deps }: World, id: 'tucker' | 'automatic' = 'tucker') {
	return deps.db.feedImports.where({ distributorId: id, state: 'complete' }).first();
}

describe('feeds fetched by FTP through the proxy', () => {
	it("imports Tucker's item master and inventory list, with stock per DC", async () => {
		const w = world();
		await tuckerSource(w);
		const fetched = await w.api.feeds.fetchNow({ distributorId: 'tucker' });
		expect(fetched).toMatchObject({
			ok: true,
			value: { outcome: 'imported', rows: 3, skipped: 3 }
		});
		const found = await w.api.catalog.search({ query: 'BA0006' });
		if (!found.ok) throw new Error('search failed');
		const offer = found.value.flatMap((p) => p.offers).find((o) => o.sku === 'BA0006');
		expect(offer).toMatchObject({ costCents: 11997, stock: { TX: 3, PA: 0, OR: 1 } });
		expect((await currentFeed(w))?.source).toBe('Tucker Rocky FTP');
	});

	it("imports Automatic's CSV with the mapping saved from the first upload", async () => {
		const w = world();
		await w.deps.db.settings.put({ key: 'feedMapping:automatic', value: AUTOMATIC_MAPPING });
		await w.api.feeds.saveSource({
			distributorId: 'automatic',
			source: {
				kind: 'ftp',
				publishTime: '06:00',
				ftp: {
					host: HOST,
					port: server.port,
					user: LOGIN.user,
					path: '/auto',
					files: ['catalog.csv'],
					tls: 'when-offered'
				}
			},
			password: LOGIN.password
		});
		const fetched = await w.api.feeds.fetchNow({ distributorId: 'automatic' });
		expect(fetched).toMatchObject({ ok: true, value: { outcome: 'imported' } });
		expect((await currentFeed(w, 'automatic'))?.rowCount).toBeGreaterThan(0);
	});

	it('seals the FTP password and never shows it', async () => {
		const w = world();
		await tuckerSource(w);
		const row = JSON.stringify(await w.deps.db.settings.get('feedSources'));
		expect(row).not.toContain(LOGIN.password);
		const sources = await w.api.feeds.sources({});
		expect(JSON.stringify(sources)).not.toContain(LOGIN.password);
		expect(sources).toMatchObject({ ok: true, value: { tucker: { hasPassword: true } } });
	});

	it('rewrites nothing when the bytes are those of the last import, and counts changes when not', async () => {
		const w = world();
		await tuckerSource(w);
		await w.api.feeds.fetchNow({ distributorId: 'tucker' });
		const first = await currentFeed(w);
		const again = await w.api.feeds.fetchNow({ distributorId: 'tucker' });
		expect(again).toMatchObject({ ok: true, value: { outcome: 'unchanged', rows: 3 } });
		expect((await currentFeed(w))?.id).toBe(first?.id);

		const restocked = new TextDecoder()
			.decode(fixture('tucker-invlist.txt'))
			.replace('BA0006301009', 'BA0006901009');
		server.put('feeds/invlist2', restocked);
		await tuckerSource(w, { files: ['itemmstrnew', 'invlist2'] });
		const changed = await w.api.feeds.fetchNow({ distributorId: 'tucker' });
		expect(changed).toMatchObject({
			ok: true,
			value: {
				outcome: 'imported',
				changes: { added: 0, removed: 0, priceChanged: 0, stockChanged: 1 }
			}
		});
		const history = (await readSetting(w.deps.db, 'feedFetches'))?.tucker?.history ?? [];
		expect(history.map((h) => h.outcome)).toEqual(['imported', 'unchanged', 'imported']);
	});
});

describe('a failed FTP fetch names its reason and keeps the old catalog', () => {
	async function withCatalog() {
		const w = world();
		await tuckerSource(w);
		await w.api.feeds.fetchNow({ distributorId: 'tucker' });
		return { w, before: await currentFeed(w) };
	}

	async function expectFailure(w: World, before: unknown, message: RegExp) {
		const fetched = await w.api.feeds.fetchNow({ distributorId: 'tucker' });
		expect(fetched).toMatchObject({ ok: true, value: { outcome: 'failed' } });
		expect(fetched.ok && fetched.value.message).toMatch(message);
		expect(await currentFeed(w)).toEqual(before);
		const state = (await readSetting(w.deps.db, 'feedFetches'))?.tucker;
		expect(state?.error).toMatch(message);
	}

	it('a wrong password: "Tucker Rocky FTP: login refused"', async () => {
		const { w, before } = await withCatalog();
		await tuckerSource(w, { password: 'wrong' });
		await expectFailure(w, before, /^Tucker Rocky FTP: login refused/);
	});

	it('a missing file', async () => {
		const { w, before } = await withCatalog();
		await tuckerSource(w, { files: ['itemmstrnew', 'invlist-gone'] });
		await expectFailure(w, before, /^Tucker Rocky FTP: invlist-gone in \/feeds was not found/);
	});

	it('a file over the cap', async () => {
		const { w, before } = await withCatalog();
		w.ftp.maxBytes = 100;
		await expectFailure(w, before, /^Tucker Rocky FTP: itemmstrnew is larger than/);
	});

	it('a server that does not answer', async () => {
		const silent = await startSilentServer();
		try {
			const { w, before } = await withCatalog();
			w.ftp.hosts = [`${HOST}:${silent.port}`];
			w.ftp.timeoutMs = 300;
			await tuckerSource(w, { port: silent.port });
			await expectFailure(w, before, /^Tucker Rocky FTP: the FTP server did not answer in time/);
		} finally {
			await silent.close();
		}
	});

	it("a host not in the proxy's configuration", async () => {
		const { w, before } = await withCatalog();
		await tuckerSource(w, { host: 'ftp.elsewhere.test' });
		await expectFailure(
			w,
			before,
			/^Tucker Rocky FTP: ftp\.elsewhere\.test:\d+ is not an FTP host this server may reach/
		);
	});
});
