import { createServer } from 'node:net';
import { assertChromium } from './chromium';
import { startPreview } from './preview-server';

/** A port nobody uses now, so two test runs on one machine never share a server. */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 4399));
		});
	});
}

/** One preview server for the whole end-to-end run. */
export default async function setup(): Promise<() => void> {
	assertChromium();
	const port = Number(process.env.E2E_PORT ?? (await freePort()));
	const { url, stop } = await startPreview(port);
	process.env.E2E_BASE_URL = url;
	return stop;
}
