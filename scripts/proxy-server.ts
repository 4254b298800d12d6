/**
 * `npm run proxy`: serves build/ with the CORS proxy (/proxy/…) and the mail endpoint (/mail) on
 * plain node:http, one origin for all three.
 *
 *   PORT        port to listen on (default 4173)
 *   HOST        address to bind (default 127.0.0.1: the proxy is for this machine's browser; set
 *               0.0.0.0 only behind a deployment that limits who can reach it)
 *   APP_ORIGIN  the origin the browser loads the app from (default http://localhost:PORT, and
 *               its 127.0.0.1 form)
 *   DROPSHIP_WOOCOMMERCE_STORES  the WooCommerce stores the proxy may reach, comma-separated
 *               https addresses (also `wooCommerceStores` in proxy.config.json beside it). The
 *               page can never add one; Shopify needs none (*.myshopify.com only).
 */
import { existsSync, readFileSync } from 'node:fs';
import { readProxyConfigFile, storeConfigFrom } from '../src/lib/proxy/store-target.ts';
import { createAppServer } from '../src/lib/proxy/app-server.ts';
import type { ProxyLogEntry } from '../src/lib/proxy/proxy.ts';

const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';
const configured = process.env.APP_ORIGIN;

function fatal(message: string): never {
	console.error(message);
	process.exit(1);
}

if (!Number.isInteger(port) || port < 0 || port > 65_535) fatal(`PORT is not a port: ${port}`);
if (
	configured !== undefined &&
	URL.canParse(configured) &&
	new URL(configured).origin !== configured
)
	fatal(`APP_ORIGIN must be a bare origin such as https://desk.example.com (got ${configured}).`);
if (configured !== undefined && !URL.canParse(configured))
	fatal(`APP_ORIGIN is not a URL: ${configured}`);
if (!existsSync('build/index.html')) fatal('No build found: run "npm run build" first.');

const appOrigins = configured
	? [configured]
	: [`http://localhost:${port}`, `http://127.0.0.1:${port}`];

// One line per request with only the safe fields (PROXY-7): never a URL, header or body.
const log = (entry: ProxyLogEntry) => console.log(JSON.stringify({ at: new Date(), ...entry }));

const stores = storeConfigFrom(
	process.env,
	readProxyConfigFile((path) => (existsSync(path) ? readFileSync(path, 'utf8') : null))
);
for (const entry of stores.refused)
	console.error(`Not a WooCommerce store address (https only): ${entry}`);

const server = createAppServer({
	root: 'build',
	appOrigins,
	proxy: { log, storeHosts: stores.hosts }
});
server.listen(port, host, () => {
	console.log(`Dropship Desk on http://${host}:${port} for ${appOrigins.join(' and ')}`);
	console.log('Serving build/, /proxy/<distributor>/… and /mail.');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		server.close(() => process.exit(0));
		server.closeAllConnections();
	});
}
