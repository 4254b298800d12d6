/**
 * `npm run proxy`: serves build/ with the CORS proxy (/proxy/…) and the mail endpoint (/mail) on
 * plain node:http, one origin for all three.
 *
 *   PORT        port to listen on (default 4173)
 *   HOST        address to bind (default 127.0.0.1: the proxy is for this machine's browser; set
 *               0.0.0.0 only behind a deployment that limits who can reach it)
 *   APP_ORIGIN  the origin the browser loads the app from (default http://localhost:PORT, and
 *               its 127.0.0.1 form)
 *
 * What the server side may reach (Automatic's API address, the WooCommerce stores, a private SMTP
 * server, mail ports and senders) is the operator's to say, in dropship-desk.server.json or its
 * DD_* variables: see src/lib/proxy/server-config.ts and the README's proxy section. A bad value
 * stops the start with its problem in words.
 */
import { existsSync } from 'node:fs';
import { createAppServer } from '../src/lib/proxy/app-server.ts';
import type { ProxyLogEntry } from '../src/lib/proxy/proxy.ts';
import { loadServerConfig, type ServerConfig } from '../src/lib/proxy/server-config.ts';

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
let config: ServerConfig;
try {
	config = loadServerConfig();
} catch (cause) {
	fatal(cause instanceof Error ? cause.message : String(cause));
}

const appOrigins = configured
	? [configured]
	: [`http://localhost:${port}`, `http://127.0.0.1:${port}`];

// One line per request with only the safe fields (PROXY-7): never a URL, header or body.
const log = (entry: ProxyLogEntry) => console.log(JSON.stringify({ at: new Date(), ...entry }));

const server = createAppServer({
	root: 'build',
	appOrigins,
	proxy: { log },
	config
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
