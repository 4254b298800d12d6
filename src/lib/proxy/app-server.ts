import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createMailHandler } from '../mail/mail-handler';
import { nodeHandler } from './node-adapter';
import { createProxyHandler } from './proxy';

/**
 * The whole app on plain node:http, for a dealer who hosts it outside Vite: the static build,
 * the CORS proxy and the mail endpoint, on one origin (so the browser needs no CORS at all).
 */
const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8'
};

const SECURITY_HEADERS = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'no-referrer',
	'x-frame-options': 'DENY'
};

export interface AppServerOptions {
	root: string;
	appOrigin: string;
	fetch?: typeof fetch;
}

export function createAppServer(options: AppServerOptions): Server {
	const root = resolve(options.root);
	const origin = () => options.appOrigin;
	const proxy = nodeHandler(
		createProxyHandler({
			appOrigins: [options.appOrigin],
			...(options.fetch ? { fetch: options.fetch } : {})
		}),
		origin,
		256 * 1024
	);
	const mail = nodeHandler(createMailHandler({ appOrigin: options.appOrigin }), origin, 512 * 1024);
	return createServer((req, res) => {
		const path = (req.url ?? '/').split('?')[0] ?? '/';
		const fail = (status: number) => {
			res.writeHead(status, SECURITY_HEADERS);
			res.end();
		};
		if (path.startsWith('/proxy/'))
			return void proxy(req, res, () => fail(404)).catch(() => fail(500));
		if (path === '/mail') return void mail(req, res, () => fail(404)).catch(() => fail(500));
		if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405);
		let decoded: string;
		try {
			decoded = decodeURIComponent(path);
		} catch {
			return fail(400);
		}
		const file = normalize(join(root, decoded));
		// Never outside the build folder, whatever the path says.
		if (file !== root && !file.startsWith(root + sep)) return fail(403);
		const target = existsSync(file) && statSync(file).isFile() ? file : join(root, 'index.html');
		res.writeHead(200, {
			...SECURITY_HEADERS,
			'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
			'cache-control': target.includes(`${sep}immutable${sep}`)
				? 'public, max-age=31536000, immutable'
				: 'no-cache'
		});
		createReadStream(target).pipe(res);
	});
}
