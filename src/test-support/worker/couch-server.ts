import type { AddressInfo } from 'node:net';
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import { PouchDB } from '../../lib/worker/sync/engine';
import './memory-sync-engine';

let servers = 0;

/**
 * A CouchDB-protocol server in this process (express-pouchdb over the memory adapter) on
 * 127.0.0.1 and a random port, with one fresh shop database. `setDown(true)` makes it refuse every
 * request as if unreachable, for offline tests.
 */
export async function startCouchServer() {
	servers += 1;
	const ServerPouch = PouchDB.defaults({ adapter: 'memory', prefix: `srv${servers}-` } as never);
	const app = express();
	let isDown = false;
	const requests: string[] = [];
	app.use((req, res, next) => {
		if (isDown) return res.socket?.destroy();
		requests.push(`${req.method} ${req.originalUrl}`);
		next();
	});
	// One server, reachable under a path per device too (/a/shop, /b/shop), so a test can tell
	// whose request it sees.
	const couch = expressPouchDB(ServerPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true });
	app.use(['/a', '/b', '/'], couch);
	const server = app.listen(0, '127.0.0.1');
	await new Promise<void>((resolve) => server.once('listening', () => resolve()));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
	const dbName = 'shop';
	await new ServerPouch(dbName).info();
	return {
		url,
		dbName,
		/** The server's address as device `letter` uses it. */
		urlFor: (letter: string) => `${url}${letter.toLowerCase()}/`,
		/** Every request so far, as "METHOD /path?query". */
		requests,
		db: () => new ServerPouch(dbName),
		setDown: (down: boolean) => {
			isDown = down;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
export type CouchServer = Awaited<ReturnType<typeof startCouchServer>>;
