/**
 * Feed fetch benchmark: `npx tsx scripts/bench-feeds.ts`. A 200,000-row CSV (PU's price-file
 * layout) on a real FTP server (ftp-srv on 127.0.0.1), fetched by the worker API's schedule path
 * through the app server's FTP bridge over HTTP (createAppServer, the same node:http server as
 * `npm run proxy`), parsed, stored and indexed until a search finds its last row. The worker runs
 * in node on fake-indexeddb, so the figure sits beside the browser's `feed_import_200k_s` as the
 * same import plus the FTP hop, not as a browser figure. Prints JSON lines.
 */
import 'fake-indexeddb/auto';
import type { AddressInfo } from 'node:net';
import { syntheticPuBaseCsv } from '../src/lib/feeds/synthetic';
import { createAppServer } from '../src/lib/proxy/app-server';
import { ServerConfig } from '../src/lib/proxy/server-config';
import { createApi } from '../src/lib/worker/api';
import { createLiveFetch } from '../src/lib/worker/core/transport';
import { startFtpTestServer } from '$test-support/feeds/ftp-test-server';
import { createTestDeps } from '$test-support/worker/test-deps';

function print(metric: string, value: number, unit: string): void {
	console.log(JSON.stringify({ metric, value: Math.round(value * 100) / 100, unit }));
}

const ROWS = 200_000;
const LOGIN = { user: 'bench', password: 'bench-password' };
const csv = syntheticPuBaseCsv(ROWS);
const ftp = await startFtpTestServer(LOGIN);
ftp.put('feeds/BasePriceFile.csv', csv);
console.error(`feed: ${(csv.length / 1e6).toFixed(1)} MB, ${ROWS.toLocaleString('en-US')} rows`);

const http = createAppServer({
	root: 'build',
	appOrigins: ['http://127.0.0.1'],
	config: ServerConfig.parse({
		// The bench's FTP server is on loopback: the operator's allow-list names it, as it must.
		outbound: { allowHosts: ['127.0.0.1'] },
		ftp: { hosts: [`127.0.0.1:${ftp.port}`], timeoutMs: 30_000 }
	})
});
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

try {
	const deps = createTestDeps({ fetch: createLiveFetch(origin), now: () => new Date() });
	const api = createApi(deps);
	const saved = await api.feeds.saveSource({
		distributorId: 'pu',
		source: {
			kind: 'ftp',
			publishTime: '06:00',
			ftp: {
				host: '127.0.0.1',
				port: ftp.port,
				user: LOGIN.user,
				path: '/feeds',
				files: ['BasePriceFile.csv'],
				tls: 'when-offered'
			}
		},
		password: LOGIN.password
	});
	if (!saved.ok) throw new Error(saved.error.message);

	const started = performance.now();
	const fetched = await api.feeds.fetchNow({ distributorId: 'pu' });
	if (!fetched.ok || fetched.value.outcome !== 'imported')
		throw new Error(`the fetch failed: ${JSON.stringify(fetched)}`);
	const lastSku = `${String(10_000_000 + ROWS - 1).slice(1, 5)}-${String(10_000_000 + ROWS - 1).slice(5)}`;
	const found = await api.catalog.search({ query: lastSku });
	const seconds = (performance.now() - started) / 1000;
	if (!found.ok || found.value.length === 0) throw new Error(`${lastSku} is not searchable`);
	print('feed_fetch_ftp_200k_s', seconds, 's');
	console.error(`rows ${fetched.value.rows}, skipped ${fetched.value.skipped}`);

	// The same bytes again: the hash matches, nothing is rewritten.
	const again = performance.now();
	const unchanged = await api.feeds.fetchNow({ distributorId: 'pu' });
	if (!unchanged.ok || unchanged.value.outcome !== 'unchanged') throw new Error('not unchanged');
	// Stderr only: the index is still completing in the background on the same thread.
	console.error(
		`same bytes again: ${((performance.now() - again) / 1000).toFixed(1)} s, nothing rewritten`
	);

	// For scale: the same file uploaded (no FTP, no HTTP) into a fresh node database.
	const plain = createApi(createTestDeps({ now: () => new Date() }));
	const uploaded = performance.now();
	const upload = await plain.catalog.importFeed({
		runId: 'bench-upload',
		layout: 'pu',
		distributorId: 'pu',
		files: [{ name: 'BasePriceFile.csv', data: new TextEncoder().encode(csv) }]
	});
	const found2 = await plain.catalog.search({ query: lastSku });
	if (!upload.ok || !found2.ok || found2.value.length === 0) throw new Error('upload failed');
	console.error(
		`the same file uploaded in node: ${((performance.now() - uploaded) / 1000).toFixed(1)} s`
	);
} finally {
	http.close();
	await ftp.close();
}
