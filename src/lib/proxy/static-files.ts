import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

/**
 * The built SPA from a folder: files as they are, any other extension-less path falls back to
 * index.html (client-side routing), and nothing outside the folder is ever read.
 */
const TYPES: Readonly<Record<string, string>> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.map': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.wasm': 'application/wasm',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml'
};

async function isFile(path: string): Promise<boolean> {
	return stat(path).then(
		(s) => s.isFile(),
		() => false
	);
}

/** The file a URL path names inside `root`, the SPA shell, or null (403/404 is the caller's). */
export async function resolveStatic(
	root: string,
	urlPath: string
): Promise<{ file: string } | { status: 400 | 403 | 404 }> {
	let decoded: string;
	try {
		decoded = decodeURIComponent(urlPath);
	} catch {
		return { status: 400 };
	}
	if (decoded.includes('\0')) return { status: 400 };
	const base = resolve(root);
	const file = resolve(base, `.${decoded.replaceAll('\\', '/')}`);
	// Never outside the build folder, whatever the path says (..%2f, %5c, absolute paths).
	if (file !== base && !file.startsWith(base + sep)) return { status: 403 };
	if (await isFile(file)) return { file };
	// A missing asset is a 404, not the app shell: HTML served as a JS chunk only confuses.
	if (extname(decoded) !== '') return { status: 404 };
	const shell = join(base, 'index.html');
	return (await isFile(shell)) ? { file: shell } : { status: 404 };
}

/** Streams one resolved file with its content type and cache policy. */
export function sendFile(req: IncomingMessage, res: ServerResponse, file: string): void {
	res.statusCode = 200;
	res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
	// SvelteKit's hashed files never change; everything else (index.html, the service worker) may.
	res.setHeader(
		'cache-control',
		file.includes(`${sep}immutable${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'
	);
	if (req.method === 'HEAD') {
		res.end();
		return;
	}
	const stream = createReadStream(file);
	// A file removed mid-read must not take the server down with an unhandled 'error'.
	stream.on('error', () => res.destroy());
	stream.pipe(res);
}
