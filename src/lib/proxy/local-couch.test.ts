import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLocalCouch, type LocalCouch } from './local-couch';

const APP = 'http://localhost:4173';
let couch: LocalCouch;

beforeEach(async () => {
	couch = await startLocalCouch({ origins: [APP], dbName: 'shop' });
});

afterEach(() => couch.close());

describe('the local CouchDB-protocol server for trying sync', () => {
	it('listens on loopback and holds the shop database from the start', async () => {
		expect(new URL(couch.url).hostname).toBe('127.0.0.1');
		const info = await fetch(new URL('shop', couch.url));
		expect(info.status).toBe(200);
		expect(await info.json()).toMatchObject({ db_name: 'shop', doc_count: 0 });
	});

	it('answers the app origin’s preflight and echoes the origin with credentials', async () => {
		const preflight = await fetch(new URL('shop/_bulk_docs', couch.url), {
			method: 'OPTIONS',
			headers: {
				Origin: APP,
				'Access-Control-Request-Method': 'POST',
				'Access-Control-Request-Headers': 'content-type, authorization'
			}
		});
		expect(preflight.status).toBe(204);
		expect(preflight.headers.get('access-control-allow-origin')).toBe(APP);
		expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
		expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
		const put = await fetch(new URL('shop/doc-1', couch.url), {
			method: 'PUT',
			headers: { Origin: APP, 'Content-Type': 'application/json' },
			body: JSON.stringify({ hello: 'world' })
		});
		expect(put.status).toBe(201);
		expect(put.headers.get('access-control-allow-origin')).toBe(APP);
	});

	it('gives no CORS headers to another origin (never `*`)', async () => {
		for (const method of ['OPTIONS', 'GET']) {
			const response = await fetch(new URL('shop', couch.url), {
				method,
				headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'GET' }
			});
			expect(response.headers.get('access-control-allow-origin')).toBeNull();
		}
	});
});
