import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json'
};

/**
 * Serves a private copy of build/ (the SPA fallback is index.html), so another `vite build` in the
 * same tree cannot swap files under a running benchmark. The catalog needs no proxy. `extra` adds
 * bench-only files (path → content) beside the build, on the same origin, outside the product.
 */
export async function serveBuildCopy(
	extra: Record<string, string> = {}
): Promise<{ url: string; stop: () => void }> {
	if (!existsSync('build/index.html')) throw new Error('No build: run "npx vite build" first.');
	const root = mkdtempSync(join(tmpdir(), 'dd-bench-build-'));
	cpSync('build', root, { recursive: true });
	for (const [path, content] of Object.entries(extra)) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), content);
	}
	const server = createServer((request, response) => {
		const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
		let file = join(root, path);
		if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory())
			file = join(root, 'index.html');
		response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
		response.end(readFileSync(file));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}`,
		stop: () => {
			server.close();
			rmSync(root, { recursive: true, force: true });
		}
	};
}
