/**
 * `npm run couch`: a CouchDB-protocol server on this machine for trying sync (the demo, or two
 * browser profiles side by side): express-pouchdb over PouchDB's memory adapter, no users, data
 * gone when it stops. A shop's real data belongs in Apache CouchDB (README, "Sharing one shop").
 *
 *   PORT        port to listen on (default 5984, CouchDB's own)
 *   HOST        address to bind (default 127.0.0.1: this machine only)
 *   APP_ORIGIN  the app's origins allowed by CORS, comma-separated (default the preview's and the
 *               dev server's: http://localhost:4173, http://127.0.0.1:4173, http://localhost:5173)
 *   DB          the shop database it creates at start (default shop)
 */
import { startLocalCouch } from '../src/lib/proxy/local-couch.ts';

const origins = (
	process.env.APP_ORIGIN ?? 'http://localhost:4173,http://127.0.0.1:4173,http://localhost:5173'
)
	.split(',')
	.map((o) => o.trim())
	.filter(Boolean);
for (const origin of origins) {
	if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
		console.error(
			`APP_ORIGIN must list bare origins such as http://localhost:4173 (got ${origin}).`
		);
		process.exit(1);
	}
}
const couch = await startLocalCouch({
	port: Number(process.env.PORT ?? 5984),
	host: process.env.HOST ?? '127.0.0.1',
	origins,
	dbName: process.env.DB ?? 'shop'
});
console.log(`Sync server for trying: ${couch.url} database "${couch.dbName}"`);
console.log(`CORS allowed for: ${origins.join(', ')}. In memory only; Ctrl+C stops it.`);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
	process.once(signal, () => void couch.close().then(() => process.exit(0)));
