import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createMailHandler } from '../mail/mail-handler.ts';
import { nodeHandler } from './node-adapter.ts';
import { createProxyHandler, proxyOptionsFrom, type ProxyOptions } from './proxy.ts';
import { guardResponse } from './security-headers.ts';
import { loadServerConfig, type ServerConfig } from './server-config.ts';
import { resolveStatic, sendFile } from './static-files.ts';

/**
 * The whole app on plain node:http (`npm run proxy`), for a dealer who hosts it outside Vite: the
 * static build, the CORS proxy and the mail endpoint on one origin, so the browser needs no CORS.
 */

export interface AppServerOptions {
	/** The build folder. */
	root: string;
	/** The origin the browser loads the app from; the proxy's CORS and Origin checks use it. */
	appOrigins: readonly string[];
	/** Proxy settings; the client key defaults to the caller's address here (PROXY-6). */
	proxy?: Omit<ProxyOptions, 'appOrigins'>;
	/** The operator's settings (allowed private hosts, mail ports and senders); read by default. */
	config?: ServerConfig;
}

function fail(res: ServerResponse, status: number, allow?: string): void {
	res.statusCode = status;
	if (allow) res.setHeader('allow', allow);
	res.end();
}

/** A node:http server (not yet listening) for the build, `/proxy/…` and `/mail`. */
export function createAppServer(options: AppServerOptions): Server {
	const origin = () => options.appOrigins[0] ?? '';
	const config = options.config ?? loadServerConfig();
	const outbound = { allowHosts: config.outbound.allowHosts };
	const proxy = nodeHandler(
		createProxyHandler({
			clientKey: (_request, info) => info.clientAddress ?? 'unknown',
			...proxyOptionsFrom(config),
			...options.proxy,
			appOrigins: options.appOrigins,
			requiredHeader: { name: 'x-dropship-desk', value: '1' }
		}),
		{ origin, maxBodyBytes: 512 * 1024 }
	);
	const mailHandler = createMailHandler({
		appOrigins: options.appOrigins,
		outbound,
		ports: config.mail.ports,
		allowedFrom: config.mail.from
	});
	const mail = nodeHandler(mailHandler, {
		origin,
		maxBodyBytes: 512 * 1024
	});
	const serveStatic = async (req: IncomingMessage, res: ServerResponse, path: string) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'GET, HEAD');
		const found = await resolveStatic(options.root, path);
		if ('status' in found) return fail(res, found.status);
		sendFile(req, res, found.file);
	};
	return createServer((req, res) => {
		guardResponse(res);
		const path = (req.url ?? '/').split('?')[0] ?? '/';
		const route = path.startsWith('/proxy/')
			? proxy(req, res)
			: path === '/mail'
				? mail(req, res)
				: path.startsWith('/')
					? serveStatic(req, res, path)
					: Promise.resolve(fail(res, 400));
		route.catch(() => (res.headersSent ? res.destroy() : fail(res, 500)));
	});
}
