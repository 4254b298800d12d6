import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServer } from './app-server.ts';

/** `npm run proxy`'s server on 127.0.0.1, port 0, over a small fake build. */
let base = '';
let close = () => undefined as void;
const upstream: string[] = [];

/** A raw request, so the path reaches the server exactly as written (fetch would normalise it). */
const raw = (path: string, method = 'GET') =>
	new Promise<{ status: number; body: string }>((resolve, reject) => {
		const url = new URL(base);
		const req = httpRequest({ host: url.hostname, port: url.port, path, method }, (res) => {
			let body = '';
			res.on('data', (chunk) => (body += String(chunk)));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
		});
		req.on('error', reject);
		req.end();
	});

beforeAll(async () => {
	const parent = mkdtempSync(join(tmpdir(), 'dd-app-'));
	const root = join(parent, 'build');
	mkdirSync(join(root, '_app', 'immutable'), { recursive: true });
	writeFileSync(join(root, 'index.html'), '<!doctype html><title>Dropship Desk</title>');
	writeFileSync(join(root, '_app', 'immutable', 'app.abc.js'), 'console.log(1)');
	writeFileSync(join(root, 'manifest.webmanifest'), '{}');
	writeFileSync(join(parent, 'secret.txt'), 'do not serve');
	const server = createAppServer({
		root,
		appOrigins: ['http://localhost:4173'],
		proxy: {
			fetch: async (input) => {
				upstream.push(input instanceof Request ? input.url : String(input));
				return Response.json({ availability: [] });
			}
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	close = () => {
		server.closeAllConnections();
		server.close();
	};
});

afterAll(() => close());

describe('the standalone server (npm run proxy)', () => {
	it('serves the build with content types, cache policy and security headers', async () => {
		const js = await fetch(`${base}/_app/immutable/app.abc.js`);
		expect(js.status).toBe(200);
		expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
		expect(js.headers.get('cache-control')).toContain('immutable');
		expect(js.headers.get('x-content-type-options')).toBe('nosniff');
		expect(js.headers.get('referrer-policy')).toBe('no-referrer');
		const manifest = await fetch(`${base}/manifest.webmanifest`);
		expect(manifest.headers.get('content-type')).toBe('application/manifest+json');
		const shell = await fetch(`${base}/`);
		expect(shell.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(shell.headers.get('cache-control')).toBe('no-cache');
	});

	it('falls back to index.html for app routes, but a missing asset is 404', async () => {
		const deep = await fetch(`${base}/orders/123?tab=po`);
		expect(deep.status).toBe(200);
		expect(await deep.text()).toContain('<title>Dropship Desk</title>');
		expect((await fetch(`${base}/_app/immutable/missing.js`)).status).toBe(404);
	});

	it.each([
		'/../secret.txt',
		'/..%2fsecret.txt',
		'/%2e%2e/secret.txt',
		'/..%5csecret.txt',
		'/_app/../../secret.txt',
		'/%00index.html'
	])('never serves a file outside the build: %s', async (path) => {
		const answer = await raw(path);
		expect(answer.body).not.toContain('do not serve');
		expect([400, 403, 404]).toContain(answer.status);
	});

	it('serves static files to GET and HEAD only', async () => {
		expect((await raw('/', 'HEAD')).status).toBe(200);
		expect((await raw('/', 'POST')).status).toBe(405);
	});

	it('mounts the proxy with its own security headers on', async () => {
		const response = await fetch(`${base}/proxy/pu/v1/parts/inventory/1401-1193`, {
			headers: { 'api-key': 'DEMOKEY', 'x-dropship-desk': '1' }
		});
		expect(response.status).toBe(200);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(upstream).toEqual(['https://api.parts-unlimited.com/api/v1/parts/inventory/1401-1193']);
		const foreign = await fetch(`${base}/proxy/wps/items`, {
			headers: { origin: 'https://evil.example' }
		});
		expect(foreign.status).toBe(403);
		expect(upstream).toHaveLength(1);
	});

	it('mounts /mail, refusing another origin and an oversized body', async () => {
		const foreign = await fetch(`${base}/mail`, {
			method: 'POST',
			headers: { origin: 'https://evil.example', 'x-dropship-desk': '1' },
			body: '{}'
		});
		expect(foreign.status).toBe(403);
		const big = await fetch(`${base}/mail`, {
			method: 'POST',
			headers: {
				origin: 'http://localhost:4173',
				'x-dropship-desk': '1',
				'content-type': 'application/json'
			},
			body: 'x'.repeat(1024 * 1024)
		});
		expect(big.status).toBe(413);
	});
});
