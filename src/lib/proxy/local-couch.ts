import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import memoryAdapter from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';

PouchDB.plugin(httpAdapter).plugin(replication).plugin(memoryAdapter);

/** What the browser's PouchDB sends: JSON bodies, and Basic auth when a user name is set. */
const ALLOWED_HEADERS = 'accept, authorization, content-type, origin, referer';
const ALLOWED_METHODS = 'GET, PUT, POST, HEAD, DELETE';

/**
 * CORS for the app's origins only, as the README asks of a real CouchDB: the browser's replicator
 * sends credentials (`credentials: 'include'`), so the origin is echoed, never `*`. A request
 * from any other origin gets no CORS headers, and the browser keeps the answer from its page.
 * Returns true when it answered a preflight itself.
 */
export function applyCors(
	origins: ReadonlySet<string>,
	req: IncomingMessage,
	res: ServerResponse
): boolean {
	const origin = req.headers.origin;
	if (!origin || !origins.has(origin)) return false;
	res.setHeader('Access-Control-Allow-Origin', origin);
	res.setHeader('Access-Control-Allow-Credentials', 'true');
	res.setHeader('Vary', 'Origin');
	if (req.method !== 'OPTIONS') return false;
	res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
	res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
	res.setHeader('Access-Control-Max-Age', '600');
	res.writeHead(204).end();
	return true;
}

export interface LocalCouchOptions {
	/** Default 0: a free port. */
	port?: number;
	/** Default 127.0.0.1: this machine only. */
	host?: string;
	/** The app's origins, e.g. http://localhost:4173. */
	origins: readonly string[];
	/** The shop database, created at start (devices never create it). */
	dbName: string;
}

/**
 * A CouchDB-protocol server for trying sync (demo mode, e2e tests): express-pouchdb over PouchDB's
 * memory adapter, with no users (anyone who reaches it may write) and the data gone
 * when it stops. Not for a shop's real data: that is Apache CouchDB (see the README).
 */
export async function startLocalCouch(options: LocalCouchOptions) {
	const prefix = `local-couch-${Date.now()}-`;
	const ServerPouch = PouchDB.defaults({ adapter: 'memory', prefix } as never);
	const couch = expressPouchDB(ServerPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true });
	const origins = new Set(options.origins);
	const app = express();
	app.use((req, res, next) => {
		if (!applyCors(origins, req, res)) next();
	});
	app.use(couch);
	const server = app.listen(options.port ?? 0, options.host ?? '127.0.0.1');
	await new Promise<void>((resolve, reject) => {
		server.once('listening', () => resolve());
		server.once('error', reject);
	});
	const { address, port } = server.address() as AddressInfo;
	await new ServerPouch(options.dbName).info();
	return {
		url: `http://${address}:${port}/`,
		dbName: options.dbName,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
export type LocalCouch = Awaited<ReturnType<typeof startLocalCouch>>;
