import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServer } from './app-server';

let base: string;
let close: () => void;
const upstream: string[] = [];

beforeAll(async () => {
	const root = mkdtempSync(join(tmpdir(), 'dd-build-'));
	writeFileSync(join(root, 'index.html'), '<!doctype html><title>Dropship Desk</title>');
	mkdirSync(join(root, '_app'));
	writeFileSync(join(root, '_app', 'app.js'), 'console.log(1)');
	writeFileSync(join(tmpdir(), 'secret.txt'), 'do not serve');
	const server = createAppServer({
		root,
		appOrigin: 'http://localhost',
		fetch: async (input) => {
			upstream.push(String(input instanceof Request ? input.url : input));
			return Response.json({ availability: [] });
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	close = () => server.close();
});

afterAll(() => close());

describe('the standalone server (npm run proxy)', () => {
	it('serves the build with security headers and falls back to the app shell', async () => {
		const js = await fetch(`${base}/_app/app.js`);
		expect(js.headers.get('content-type')).toContain('text/javascript');
		expect(js.headers.get('x-content-type-options')).toBe('nosniff');
		const deep = await fetch(`${base}/orders/123`);
		expect(await deep.text()).toContain('<title>Dropship Desk</title>');
	});

	it('never serves a file outside the build', async () => {
		const response = await fetch(`${base}/..%2fsecret.txt`);
		expect(await response.text()).not.toContain('do not serve');
	});

	it('forwards /proxy/ over real HTTP to the allow-listed distributor', async () => {
		const response = await fetch(`${base}/proxy/pu/v1/parts/inventory/1401-1193`, {
			headers: { 'api-key': 'DEMOKEY' }
		});
		expect(response.status).toBe(200);
		expect(upstream).toEqual(['https://api.parts-unlimited.com/api/v1/parts/inventory/1401-1193']);
		const big = await fetch(`${base}/proxy/pu/orders/dropship`, {
			method: 'POST',
			body: 'x'.repeat(400 * 1024)
		});
		expect(big.status).toBe(413);
	});
});
