import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { DATABASE_NAMES } from '../src/lib/domain/workspace';

/**
 * The floors the catalog's figures are measured against, served beside the build copy (never
 * part of the product): plain pages and classic workers with nothing of the app in them.
 * - parse floor: papaparse alone (arrays mode, the product's options) over the whole file in a
 *   worker, timed from the page as the import is: file handed over to rows parsed;
 * - read floor: a fresh page whose worker opens the database and reads every stored block of the
 *   current feeds with raw IndexedDB (`getAll` per feed, as Dexie's `toArray` does) and builds
 *   nothing, timed from navigation start as the catalog's first search is.
 */
const PARSE_WORKER = `
importScripts('/bench-floor/papaparse.min.js');
self.onmessage = async (event) => {
	const bytes = new Uint8Array(await event.data.arrayBuffer());
	const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	const parsed = Papa.parse(text, { delimiter: ',', header: false, skipEmptyLines: false });
	self.postMessage({ rows: parsed.data.length });
};`;

const READ_WORKER = `
const request = (r) => new Promise((resolve, reject) => {
	r.onsuccess = () => resolve(r.result);
	r.onerror = () => reject(r.error);
});
self.onmessage = async (event) => {
	const db = await request(indexedDB.open(event.data.name));
	const tx = db.transaction(['feedImports', 'catalogBlocks'], 'readonly');
	const feeds = await request(tx.objectStore('feedImports').index('state').getAll('complete'));
	const blocks = tx.objectStore('catalogBlocks');
	const counts = await Promise.all(
		feeds.map((feed) => request(blocks.getAll(IDBKeyRange.bound([feed.id, 0], [feed.id, Infinity]))))
	);
	self.postMessage({ blocks: counts.reduce((n, rows) => n + rows.length, 0) });
};`;

const PAGE = (script: string) =>
	`<!doctype html><html><head><meta charset="utf-8"><title>floor</title></head><body><h1>Floor</h1><input type="file" id="bench-file"><script>${script}</script></body></html>`;

const PARSE_PAGE = PAGE(`
window.parseFloor = () => new Promise((resolve) => {
	const file = document.querySelector('#bench-file').files[0];
	const worker = new Worker('/bench-floor/parse-worker.js');
	const started = performance.now();
	worker.onmessage = (e) => { worker.terminate(); resolve({ seconds: (performance.now() - started) / 1000, rows: e.data.rows }); };
	worker.postMessage(file);
});`);

const READ_PAGE = PAGE(`
const worker = new Worker('/bench-floor/read-worker.js');
worker.onmessage = (e) => {
	document.body.dataset.blocks = String(e.data.blocks);
	document.body.dataset.readMs = String(performance.now());
};
worker.postMessage({ name: ${JSON.stringify(DATABASE_NAMES.demo)} });`);

/** Files to serve under /bench-floor/ beside the build copy. */
export function floorFiles(): Record<string, string> {
	return {
		'bench-floor/papaparse.min.js': readFileSync('node_modules/papaparse/papaparse.min.js', 'utf8'),
		'bench-floor/parse-worker.js': PARSE_WORKER,
		'bench-floor/parse.html': PARSE_PAGE,
		'bench-floor/read-worker.js': READ_WORKER,
		'bench-floor/read.html': READ_PAGE
	};
}

/** Seconds papaparse alone takes over `file` in a worker (one run). */
export async function parseFloor(page: Page, baseUrl: string, file: string): Promise<number> {
	await page.goto(`${baseUrl}/bench-floor/parse.html`);
	await page.locator('#bench-file').setInputFiles(file);
	const result = await page.evaluate(() =>
		(
			window as unknown as { parseFloor: () => Promise<{ seconds: number; rows: number }> }
		).parseFloor()
	);
	if (result.rows < 1000) throw new Error(`the parse floor read only ${result.rows} rows`);
	return result.seconds;
}

/** Navigation start to every current block read, in ms (one run), and how many blocks. */
export async function readFloor(
	page: Page,
	baseUrl: string
): Promise<{ ms: number; blocks: number }> {
	await page.goto(`${baseUrl}/bench-floor/read.html`);
	await page.waitForFunction(() => document.body.dataset.readMs, null, { timeout: 60_000 });
	return page.evaluate(() => ({
		ms: Number(document.body.dataset.readMs),
		blocks: Number(document.body.dataset.blocks)
	}));
}
