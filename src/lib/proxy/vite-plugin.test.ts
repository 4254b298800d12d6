import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, preview } from 'vite';
import { describe, expect, it } from 'vitest';
import { proxyPlugin } from './vite-plugin.ts';

/**
 * The plugin in real Vite servers (no config file, a throwaway root, a free port): the proxy
 * answers under /proxy/ and takes the server's own origin, in both forms, as the app's.
 */
async function check(base: string, port: number) {
	const gate = { 'x-dropship-desk': '1' };
	const unknown = await fetch(`${base}/proxy/nowhere/x`, { headers: gate });
	expect(unknown.status).toBe(404);
	expect(unknown.headers.get('x-proxy-stage')).toBe('rejected');
	const foreign = await fetch(`${base}/proxy/wps/items`, {
		headers: { ...gate, origin: 'https://evil.example' }
	});
	expect(foreign.status).toBe(403);
	// Without the app's header (PROXY-5) a request is refused before anything else.
	expect((await fetch(`${base}/proxy/nowhere/x`)).status).toBe(403);
	for (const origin of [`http://localhost:${port}`, `http://127.0.0.1:${port}`]) {
		const own = await fetch(`${base}/proxy/wps/admin`, { headers: { ...gate, origin } });
		expect(own.status).toBe(403); // refused target, but from our own origin: CORS says so
		expect(own.headers.get('access-control-allow-origin')).toBe(origin);
	}
	const page = await fetch(`${base}/`);
	expect(page.status).toBe(200);
}

function tempRoot() {
	const root = mkdtempSync(join(tmpdir(), 'dd-vite-'));
	writeFileSync(join(root, 'index.html'), '<!doctype html><title>dev</title>');
	mkdirSync(join(root, 'dist'));
	writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html><title>preview</title>');
	return root;
}

describe('proxyPlugin', () => {
	it('mounts the proxy in vite preview', async () => {
		const server = await preview({
			configFile: false,
			root: tempRoot(),
			logLevel: 'silent',
			plugins: [proxyPlugin()],
			preview: { port: 0, host: '127.0.0.1' }
		});
		try {
			const port = (server.httpServer.address() as AddressInfo).port;
			await check(`http://127.0.0.1:${port}`, port);
		} finally {
			await server.close();
		}
	});

	it('mounts the proxy in vite dev', async () => {
		const server = await createServer({
			configFile: false,
			root: tempRoot(),
			logLevel: 'silent',
			plugins: [proxyPlugin()],
			server: { port: 0, host: '127.0.0.1', ws: false }
		});
		await server.listen();
		try {
			const port = (server.httpServer?.address() as AddressInfo).port;
			await check(`http://127.0.0.1:${port}`, port);
		} finally {
			await server.close();
		}
	});

	it('puts the security headers on every file and never answers CORS for every origin', async () => {
		const server = await preview({
			configFile: false,
			root: tempRoot(),
			logLevel: 'silent',
			plugins: [proxyPlugin()],
			// Vite's own CORS switched on, as a later config change could: the guard still holds.
			preview: { port: 0, host: '127.0.0.1', cors: true }
		});
		try {
			const port = (server.httpServer.address() as AddressInfo).port;
			for (const path of ['/', '/index.html', '/missing.js']) {
				const response = await fetch(`http://127.0.0.1:${port}${path}`, {
					headers: { origin: 'https://evil.example' }
				});
				expect(response.headers.get('access-control-allow-origin')).toBeNull();
				expect(response.headers.get('x-content-type-options')).toBe('nosniff');
				expect(response.headers.get('x-frame-options')).toBe('DENY');
				expect(response.headers.get('referrer-policy')).toBe('no-referrer');
			}
		} finally {
			await server.close();
		}
	});
});
