/**
 * Scale benchmark (reliability.md §8 case 30): `npx vite build && npx tsx scripts/bench-scale.ts`.
 * A fresh persistent Chromium profile is filled with 20,000 orders (two items each), their POs,
 * 200,000 shipments (tracking events) and the shipment emails, through the app's own schema; then
 * the browser is started again on that profile, three times, and the dealer's screens are timed
 * (medians; long tasks: the longest in any run). Served from a private copy of build/ on a free
 * port. Prints JSON lines {"metric": NAME, "value": N, "unit": U}.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openSession, startOnDemo } from '../tests/support/chromium';
import { seedScale } from './bench-scale-seed';
import { serveBuildCopy } from './bench-static-server';

function print(metric: string, value: number, unit: string): void {
	console.log(JSON.stringify({ metric, value: Math.round(value * 100) / 100, unit }));
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Every figure of every run, printed at the end (medians; long tasks: the worst run). */
const figures = new Map<string, number[]>();
function record(metric: string, value: number, _unit: 'ms'): void {
	figures.set(metric, [...(figures.get(metric) ?? []), value]);
}

const RUNS = 3;
const ORDERS = 20_000;
const SHIPMENTS = 200_000;

const server = await serveBuildCopy();
const profileDir = mkdtempSync(join(tmpdir(), 'dd-bench-scale-'));

/** esbuild's keepNames wraps named functions in `__name(...)`, which the page does not have. */
const NAME_SHIM = 'globalThis.__name = (f) => f;';

async function open(path = '/') {
	const session = await openSession({ profileDir });
	await startOnDemo(session.context);
	await session.context.addInitScript(NAME_SHIM);
	session.page.setDefaultTimeout(120_000);
	if (path) await session.page.goto(`${server.url}${path}`);
	return session;
}

/**
 * Client-side navigation as the dealer's click does it (SvelteKit routes any same-origin link),
 * timed in the page from the click until `isShown` holds on an animation frame.
 */
async function navigateTimed(page: Page, href: string, isShown: string): Promise<number> {
	return page.evaluate(
		async ({ href, isShown }) => {
			const shown = new Function(`return (${isShown});`) as () => boolean;
			const link = document.createElement('a');
			link.href = href;
			document.body.append(link);
			const started = performance.now();
			link.click();
			link.remove();
			for (;;) {
				await new Promise((r) => requestAnimationFrame(r));
				if (location.pathname === href && shown()) return performance.now() - started;
				if (performance.now() - started > 60_000) throw new Error(`${href} never showed`);
			}
		},
		{ href, isShown }
	);
}

/** Longest main-thread task (ms) while `work` runs and the page settles afterwards. */
async function longestTaskDuring(page: Page, work: () => Promise<void>): Promise<number> {
	await page.evaluate(() => {
		const w = window as unknown as { ddLongest: number };
		w.ddLongest = 0;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) w.ddLongest = Math.max(w.ddLongest, entry.duration);
		}).observe({ type: 'longtask' });
	});
	await work();
	// liveQuery re-runs after the worker's last write: let the page go quiet before reading.
	await page.waitForTimeout(1500);
	return page.evaluate(() => (window as unknown as { ddLongest: number }).ddLongest);
}

const rows = 'document.querySelector("main table tbody tr") !== null';
try {
	// 1. A first start seeds the demo dealer; the large shop goes in beside it.
	{
		const { page, close } = await open();
		await page.waitForSelector('html[data-ready="true"]');
		const started = performance.now();
		const counts = await seedScale(page, {
			orders: ORDERS,
			shipments: SHIPMENTS,
			waiting: 200,
			open: 100,
			now: new Date().toISOString()
		});
		console.error(
			`seeded ${JSON.stringify(counts)} in ${((performance.now() - started) / 1000).toFixed(1)} s`
		);
		await close();
	}

	// 2. The dealer's morning, three times: a new browser on that profile, straight to the dashboard.
	for (let run = 0; run < RUNS; run++) {
		const { page, close } = await open('');
		try {
			await page.goto(server.url);
			const handle = await page.waitForFunction(
				() =>
					document.documentElement.dataset.ready === 'true' &&
					document.querySelector('main h1') &&
					document.querySelector('main a[href^="/orders/"]')
						? performance.now()
						: 0,
				undefined,
				{ polling: 'raf' }
			);
			record('scale_cold_start_ms', Number(await handle.jsonValue()), 'ms');
			// Every long task since navigation (start-up code, first renders, the first tracking round).
			const startTasks = await page.evaluate(
				() =>
					new Promise<{ start: number; duration: number }[]>((resolve) => {
						// The buffered entries arrive in one callback; none at all means none was long.
						setTimeout(() => resolve([]), 500);
						new PerformanceObserver((list) =>
							resolve(list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))
						).observe({ type: 'longtask', buffered: true });
					})
			);
			console.error(
				`long tasks at start (start ms: duration ms): ${startTasks.map((t) => `${Math.round(t.start)}: ${Math.round(t.duration)}`).join(', ') || 'none'}`
			);
			record(
				'scale_cold_start_longest_task_ms',
				Math.max(0, ...startTasks.map((t) => t.duration)),
				'ms'
			);
			record(
				'scale_worker_ready_ms',
				await page.evaluate(
					() => performance.getEntriesByName('dd:worker-ready')[0]?.startTime ?? NaN
				),
				'ms'
			);
			// The start-up tracking round runs now: let it finish before timing screens.
			await page.waitForFunction(() =>
				[...document.querySelectorAll('button')].some(
					(b) => b.textContent?.trim() === 'Refresh tracking' && !b.disabled
				)
			);

			record('scale_orders_list_ms', await navigateTimed(page, '/orders', rows), 'ms');
			record(
				'scale_purchase_orders_list_ms',
				await navigateTimed(page, '/purchase-orders', rows),
				'ms'
			);
			const poHref = await page
				.locator('main table tbody tr a[href^="/purchase-orders/"]')
				.last()
				.getAttribute('href');
			if (!poHref) throw new Error('no PO link on the list');
			record(
				'scale_po_view_ms',
				await navigateTimed(
					page,
					poHref,
					'document.querySelector("main h1")?.textContent?.startsWith("PO ") === true && document.querySelector("#ship-heading") !== null'
				),
				'ms'
			);
			record('scale_outbox_ms', await navigateTimed(page, '/settings/email', rows), 'ms');

			// Polling and liveQuery updates, on the dashboard.
			await navigateTimed(
				page,
				'/',
				'document.querySelector("main a[href^=\\"/orders/\\"]") !== null'
			);
			const refreshButton = page.getByRole('button', { name: 'Refresh tracking' });
			const polling = await longestTaskDuring(page, async () => {
				await refreshButton.click();
				await page.waitForFunction(() =>
					[...document.querySelectorAll('button')].some(
						(b) => b.textContent?.trim() === 'Refresh tracking' && !b.disabled
					)
				);
			});
			record('scale_longest_task_polling_ms', polling, 'ms');
			// A write by the worker that the dashboard's queries watch: one order's PO put away.
			const putAway = page.getByRole('button', { name: /^Put away PO/ }).first();
			const update = await longestTaskDuring(page, async () => {
				if ((await putAway.count()) === 0) throw new Error('no to-do to put away');
				await putAway.click();
				await page
					.getByRole('status')
					.filter({ hasText: /put away/ })
					.waitFor({ state: 'attached' });
			});
			record('scale_longest_task_livequery_ms', update, 'ms');
			record('scale_longest_task_ms', Math.max(polling, update), 'ms');
		} finally {
			await close();
		}
	}
	for (const [metric, values] of figures) {
		// Times are medians; a long task counts if any run had it, so those are the worst run.
		const isLongTask = metric.includes('longest_task');
		print(metric, isLongTask ? Math.max(...values) : median(values), 'ms');
	}
} finally {
	server.stop();
	rmSync(profileDir, { recursive: true, force: true });
}
