import type { Connect, Plugin, PreviewServer, ViteDevServer } from 'vite';
import { createMailHandler } from '../mail/mail-handler';
import { nodeHandler } from './node-adapter';
import { createProxyHandler } from './proxy';

/**
 * Mounts the CORS proxy (`/proxy/…`) and the mail endpoint (`/mail`) in Vite's dev and preview
 * servers. The app's own origin is the server's: the proxy answers CORS for it alone.
 */
function mount(
	server: ViteDevServer | PreviewServer,
	middlewares: Connect.Server,
	kind: 'server' | 'preview'
): void {
	const port = () => server.config[kind].port;
	const origins = () => [`http://localhost:${port()}`, `http://127.0.0.1:${port()}`];
	const origin = () => origins()[0] as string;
	const proxy = createProxyHandler({ appOrigins: origins(), log: () => undefined });
	const mail = createMailHandler({
		appOrigin: origin(),
		allowPrivateHosts: process.env.DD_MAIL_ALLOW_PRIVATE === '1'
	});
	middlewares.use('/proxy', (req, res, next) => {
		// Connect strips the mount path; the handler routes on the full one.
		req.url = `/proxy${req.url ?? ''}`;
		void nodeHandler(proxy, origin, 256 * 1024)(req, res, next).catch(next);
	});
	middlewares.use('/mail', (req, res, next) => {
		req.url = '/mail';
		void nodeHandler(mail, origin, 512 * 1024)(req, res, next).catch(next);
	});
}

export function proxyPlugin(): Plugin {
	return {
		name: 'dropship-desk-proxy',
		configureServer(server) {
			mount(server, server.middlewares, 'server');
		},
		configurePreviewServer(server) {
			mount(server, server.middlewares, 'preview');
		}
	};
}
