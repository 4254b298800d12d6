import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerFiles } from '../src/lib/worker-client/worker-chunks';
import { closure, filesIn } from './support/bundle';

/**
 * Live mode must never load msw: the simulators sit behind a dynamic import in the worker. This
 * reads the built app and follows only static imports from the entry points.
 */
const ROOT = 'build/_app/immutable';
const DEMO_MARKER = 'The demo has no simulator';
const MSW_MARKERS = [/\[MSW\]/, /x-msw-/, /mswjs/];

describe('the built app', () => {
	it('loads no msw and no simulator code in its entry chunks or the worker entry', () => {
		const entries = [
			...filesIn(join(ROOT, 'entry')),
			...readdirSync(join(ROOT, 'workers'))
				.filter((name) => name.endsWith('.js'))
				.map((name) => resolve(ROOT, 'workers', name))
		];
		expect(entries.length).toBeGreaterThan(2);
		const loadedAtStart = closure(entries);
		for (const file of loadedAtStart) {
			const code = readFileSync(file, 'utf8');
			expect(code.includes(DEMO_MARKER), `${file} contains the demo transport`).toBe(false);
			for (const marker of MSW_MARKERS) expect(code, `${file} contains msw`).not.toMatch(marker);
		}
		// …and the demo transport does exist, in a chunk loaded on demand.
		const lazy = filesIn(ROOT).filter((f) => !loadedAtStart.has(f));
		expect(lazy.some((f) => readFileSync(f, 'utf8').includes(DEMO_MARKER))).toBe(true);
	});

	it('loads no distributor or store adapter in the worker entry: each loads when first used', () => {
		// A key of each adapter's answer schemas (minifying keeps object keys).
		const markers = {
			wps: 'cart_number',
			pu: 'mainframeErrors',
			tucker: 'dcinv',
			automatic: 'orderGenerationNumber',
			shopify: 'query OrdersToShip',
			woocommerce: 'first_name'
		};
		const workers = join(ROOT, 'workers');
		const loadedAtStart = closure(
			readdirSync(workers)
				.filter((name) => name.endsWith('.js'))
				.map((name) => resolve(workers, name))
		);
		const lazy = filesIn(workers).filter((file) => !loadedAtStart.has(file));
		for (const [adapter, marker] of Object.entries(markers)) {
			const holds = (file: string) => readFileSync(file, 'utf8').includes(marker);
			expect([...loadedAtStart].filter(holds), `${adapter} at start`).toEqual([]);
			expect(lazy.some(holds), `${adapter} in a chunk of its own`).toBe(true);
		}
	});

	it("lets the service worker find every chunk of the worker from the worker's entry", async () => {
		// SvelteKit's list of built files names the entry only; the service worker follows its
		// imports to cache the rest for offline use (src/service-worker.ts).
		const workers = join(ROOT, 'workers');
		const entries = readdirSync(workers)
			.filter((name) => name.endsWith('.js'))
			.map((name) => `/_app/immutable/workers/${name}`);
		const found = await workerFiles(entries, async (path) =>
			readFileSync(join('build', path), 'utf8')
		);
		const built = filesIn(workers).map((file) => `/${relative('build', file)}`);
		expect(built.length).toBeGreaterThan(entries.length);
		expect(found.sort()).toEqual(built.sort());
	});
});
