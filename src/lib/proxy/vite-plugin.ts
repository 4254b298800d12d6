import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Connect, Plugin } from 'vite';
import { createMailHandler } from '../mail/mail-handler.ts';
import { nodeHandler } from './node-adapter.ts';
import { guardResponse } from './security-headers.ts';
import { createProxyHandler, proxyOptionsFrom } from './proxy.ts';
import { loadServerConfig, type ServerConfig } from './server-config.ts';

/**
 * Mounts the CORS proxy (`/proxy/…`) and the mail endpoint (`/mail`) in Vite's dev server and in
 * `vite preview`, so the app calls both on its own origin. The app origin is the server's own,
 * read from the port it actually bound (dev may move off 5173), in its `localhost` and
 * `127.0.0.1` forms.
 */
interface Mountable {
	middlewares: Connect.Server;
	httpServer: { address(): AddressInfo | string | null } | null;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function mount(
	server: Mountable,
	configuredPort: number | undefined,
	isHttps: boolean,
	config: ServerConfig
): void {
	const outbound = { allowHosts: config.outbound.allowHosts };
	const origins = () => {
		const address = server.httpServer?.address();
		const port = typeof address === 'object' && address ? address.port : configuredPort;
		const scheme = isHttps ? 'https' : 'http';
		return [`${scheme}://localhost:${port}`, `${scheme}://127.0.0.1:${port}`];
	};
	const origin = () => origins()[0] ?? '';
	// Built on the first request, when the port is known; kept after, so the rate limit holds.
	let proxy: Listener | undefined;
	let mail: Listener | undefined;
	server.middlewares.use((req, res, next) => {
		guardResponse(res);
		const path = (req.url ?? '').split('?')[0] ?? '';
		if (path.startsWith('/proxy/')) {
			proxy ??= nodeHandler(
				createProxyHandler({
					appOrigins: origins(),
					...proxyOptionsFrom(config),
					requiredHeader: { name: 'x-dropship-desk', value: '1' }
				}),
				{
					origin,
					maxBodyBytes: 512 * 1024
				}
			);
			return void proxy(req, res).catch(next);
		}
		if (path === '/mail') {
			mail ??= nodeHandler(
				createMailHandler({
					appOrigins: origins(),
					outbound,
					ports: config.mail.ports,
					allowedFrom: config.mail.from
				}),
				{ origin, maxBodyBytes: 512 * 1024 }
			);
			return void mail(req, res).catch(next);
		}
		next();
	});
}

/**
 * The Vite plugin that serves `/proxy/` and `/mail` in `vite dev` and `vite preview`, and puts the
 * security headers on every answer. List it before `sveltekit()`: its middleware must run first.
 */
export function proxyPlugin(config: ServerConfig = loadServerConfig()): Plugin {
	return {
		name: 'dropship-desk-proxy',
		configureServer(server) {
			mount(server, server.config.server.port, Boolean(server.config.server.https), config);
		},
		configurePreviewServer(server) {
			mount(server, server.config.preview.port, Boolean(server.config.preview.https), config);
		}
	};
}
