import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Live mode must never load msw: the simulators sit behind a dynamic import in the worker. This
 * reads the built app and follows only static imports from the entry points.
 */
const ROOT = 'build/_app/immutable';
const DEMO_MARKER = 'The demo has no simulator';
const MSW_MARKERS = [/\[MSW\]/, /x-msw-/, /mswjs/];

function staticImports(file: string): string[] {
	const code = readFileSync(file, 'utf8');
	const found = new Set<string>();
	// `import … from "./x.js"`, `import "./x.js"` and `export … from "./x.js"`; not `import("./x.js")`.
	for (const match of code.matchAll(
		/(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g
	)) {
		found.add(resolve(dirname(file), match[1] as string));
	}
	return [...found];
}

function closure(entries: string[]): Set<string> {
	const seen = new Set<string>();
	const queue = [...entries];
	while (queue.length > 0) {
		const file = queue.pop() as string;
		if (seen.has(file)) continue;
		seen.add(file);
		queue.push(...staticImports(file));
	}
	return seen;
}

function filesIn(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory()
			? filesIn(join(dir, entry.name))
			: entry.name.endsWith('.js')
				? [resolve(dir, entry.name)]
				: []
	);
}

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
});
