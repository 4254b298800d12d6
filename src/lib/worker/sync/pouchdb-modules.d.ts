// PouchDB's adapters and express-pouchdb ship no types; each is a PouchDB plugin or a factory.
declare module 'pouchdb-adapter-idb' {
	const plugin: PouchDB.Plugin;
	export default plugin;
}
declare module 'pouchdb-adapter-memory' {
	const plugin: PouchDB.Plugin;
	export default plugin;
}
declare module 'express-pouchdb' {
	import type { RequestHandler } from 'express';
	function expressPouchDB(pouch: unknown, options?: Record<string, unknown>): RequestHandler;
	export default expressPouchDB;
}
