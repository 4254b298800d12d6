/**
 * The files a built worker file imports, as written in it: `import("./chunks/x.js")` in the
 * worker's entry, `from "./x.js"` and `import "./x.js"` between its chunks (relative, `.js`).
 *
 * The service worker needs them: SvelteKit's list of built files (`$service-worker` `build`) names
 * the worker's entry but not the chunks it loads on demand (a distributor's or a store's adapter,
 * the demo's simulators): without them, Dropship pressed offline in a tab that had not yet loaded
 * that distributor's adapter could not even save the PO to send later.
 */
function chunkImports(code: string): string[] {
	const found = new Set<string>();
	for (const match of code.matchAll(
		/(?:\bimport\s*\(\s*|\bfrom\s*|\bimport\s*)[`"'](\.{1,2}\/[^`"']+\.js)[`"']/g
	)) {
		found.add(match[1] as string);
	}
	return [...found];
}

/** Every file reachable from `entries` (paths), reading each with `read`: the entries too. */
export async function workerFiles(
	entries: readonly string[],
	read: (path: string) => Promise<string>
): Promise<string[]> {
	const seen = new Set(entries);
	const queue = [...entries];
	while (queue.length > 0) {
		const path = queue.pop() as string;
		for (const specifier of chunkImports(await read(path))) {
			const next = new URL(specifier, `https://app.invalid${path}`).pathname;
			if (seen.has(next)) continue;
			seen.add(next);
			queue.push(next);
		}
	}
	return [...seen];
}
