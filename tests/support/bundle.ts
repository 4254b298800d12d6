import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Reading the built app: which chunks load at start (static imports only, not import()). */
export function staticImports(file: string): string[] {
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

export function closure(entries: string[]): Set<string> {
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

export function filesIn(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory()
			? filesIn(join(dir, entry.name))
			: entry.name.endsWith('.js')
				? [resolve(dir, entry.name)]
				: []
	);
}
