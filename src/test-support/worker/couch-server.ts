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
	app.use((_req, res, next) => (isDown ? res.socket?.destroy() : next()));
	app.use('/', expressPouchDB(ServerPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true }));
	const server = app.listen(0, '127.0.0.1');
	await new Promise<void>((resolve) => server.once('listening', () => resolve()));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
	const dbName = 'shop';
	await new ServerPouch(dbName).info();
	return {
		url,
		dbName,
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
