import type { Page } from 'playwright-core';

/** The parts of the bench that run inside the page, against the worker client it exposes. */

type Search = (input: { query: string; limit?: number }) => Promise<{ ok: boolean }>;
interface Bench {
	client: {
		catalog: {
			search: Search;
			importFeed: (input: unknown) => Promise<{ ok: boolean; value?: { state: string } }>;
			confirmImport: (input: { runId: string }) => Promise<{ ok: boolean }>;
		};
	};
}

/** Mixed queries as dealers type them: words, prefixes, SKUs with and without prefix, MPNs, UPCs. */
export function benchQueries(count: number): string[] {
	const words = [
		'brake',
		'brake pads',
		'fly',
		'fly racing gloves',
		'chain 520',
		'air filter',
		'ebc',
		'renthal bar',
		'tusk',
		'sprocket 13t',
		'oil',
		'b',
		'gasket set',
		'seal kit rear',
		'xl'
	];
	const queries: string[] = [];
	for (let i = 0; queries.length < count; i++) {
		const n = String(10_000_000 + ((i * 7919) % 200_000));
		const q = [
			words[i % words.length] ?? 'brake',
			`${n.slice(1, 5)}-${n.slice(5)}`,
			`PU${n.slice(1, 5)}-${n.slice(5)}`,
			n.slice(1, 6),
			`0${70_000_000_000 + ((i * 31) % 200_000) * 7}`
		][i % 5];
		queries.push(q ?? 'brake');
	}
	return queries;
}

export const inPage = {
	/** One import of the picked file, timed end to end, with the longest main-thread task. */
	importTimed(page: Page, layout: string, distributorId: string) {
		return page.evaluate(
			async ({ layout, distributorId }) => {
				const { client } = (window as unknown as { ddBench: Bench }).ddBench;
				const file = document.querySelector<HTMLInputElement>('#bench-file')?.files?.[0];
				if (!file) throw new Error('no file');
				let longest = 0;
				const observer = new PerformanceObserver((list) => {
					for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
				});
				observer.observe({ type: 'longtask', buffered: false });
				const mapping = {
					sku: 'Punctuated Part Number',
					cost: 'Base Dealer Price',
					mpn: 'Vendor Part Number',
					brand: 'Brand Name',
					upc: 'UPC Code',
					description: 'Part Description',
					msrp: 'Current Suggested Retail',
					stock: [{ column: 'WI Availability', warehouse: 'MAIN' }]
				};
				await client.catalog.search({ query: 'warm' }); // the index is loaded: import includes indexing
				const runId = `bench-${Math.random()}`;
				const started = performance.now();
				const result = await client.catalog.importFeed({
					runId,
					layout,
					distributorId,
					files: [{ name: file.name, data: file }],
					mapping: layout === 'generic' ? mapping : undefined
				});
				if (result.ok && result.value?.state === 'needs_confirmation')
					await client.catalog.confirmImport({ runId });
				const seconds = (performance.now() - started) / 1000;
				observer.disconnect();
				if (!result.ok) throw new Error(JSON.stringify(result));
				return { seconds, longestTaskMs: longest };
			},
			{ layout, distributorId }
		);
	},

	searchP95(page: Page, queries: string[]) {
		return page.evaluate(async (queries) => {
			const { client } = (window as unknown as { ddBench: Bench }).ddBench;
			const times: number[] = [];
			for (const query of queries) {
				const t = performance.now();
				await client.catalog.search({ query, limit: 25 });
				times.push(performance.now() - t);
			}
			times.sort((a, b) => a - b);
			return times[Math.floor(times.length * 0.95)] ?? NaN;
		}, queries);
	},

	/** Searches one after another while the picked feed imports again. */
	searchDuringImport(page: Page, queries: string[]) {
		return page.evaluate(async (queries) => {
			const { client } = (window as unknown as { ddBench: Bench }).ddBench;
			const file = document.querySelector<HTMLInputElement>('#bench-file')?.files?.[0];
			if (!file) throw new Error('no file');
			let isDone = false;
			const importing = client.catalog
				.importFeed({
					runId: `during-${Math.random()}`,
					layout: 'pu',
					distributorId: 'pu',
					files: [{ name: file.name, data: file }]
				})
				.finally(() => (isDone = true));
			const times: number[] = [];
			for (let i = 0; !isDone; i++) {
				const t = performance.now();
				await client.catalog.search({ query: queries[i % queries.length] ?? 'brake', limit: 25 });
				times.push(performance.now() - t);
			}
			await importing;
			times.sort((a, b) => a - b);
			return { p95: times[Math.floor(times.length * 0.95)] ?? NaN, count: times.length };
		}, queries);
	}
};
