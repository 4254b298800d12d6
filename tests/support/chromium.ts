import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags this machine needs: no sandbox as root, and no calls home (the network is closed). */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--no-first-run',
	'--disable-sync',
	'--disable-quic'
];

export function assertChromium(): void {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(
			`Chromium was not found at ${CHROMIUM_PATH}. Install it with "apt-get install -y chromium" ` +
				'or set CHROMIUM_PATH to a Chromium binary.'
		);
	}
}

export interface Session {
	context: BrowserContext;
	page: Page;
	/** Console errors and uncaught page errors seen so far: a spec fails on any. */
	errors: string[];
	close(): Promise<void>;
}

/**
 * A persistent profile per session (IndexedDB on disk, as a dealer's browser has it; an incognito
 * context keeps it in memory). `profileDir` lets a spec reopen the same profile. A new profile is
 * a copy of the run's demo profile (the demo already chosen and seeded: support/demo-profile.ts)
 * unless `fresh` asks for a browser that has never opened the app.
 */
export async function openSession(
	options: { profileDir?: string; fresh?: boolean; blockServiceWorkers?: boolean } = {}
): Promise<Session> {
	assertChromium();
	const dir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'dd-profile-'));
	const template = process.env.E2E_DEMO_PROFILE;
	if (!options.profileDir && !options.fresh && template) cpSync(template, dir, { recursive: true });
	const context = await chromium.launchPersistentContext(dir, {
		executablePath: CHROMIUM_PATH,
		args: CHROMIUM_ARGS,
		headless: true,
		viewport: { width: 1280, height: 800 },
		// A spec that holds back one of the app's files must see its request (the service worker
		// would answer from its cache).
		...(options.blockServiceWorkers ? { serviceWorkers: 'block' as const } : {})
	});
	const errors: string[] = [];
	const watch = (page: Page) => {
		page.on('console', (message) => {
			if (message.type() === 'error') errors.push(message.text());
		});
		page.on('pageerror', (error) => errors.push(error.message));
	};
	context.pages().forEach(watch);
	context.on('page', watch);
	const page = context.pages()[0] ?? (await context.newPage());
	return {
		context,
		page,
		errors,
		async close() {
			await context.close();
			if (!options.profileDir) rmSync(dir, { recursive: true, force: true });
		}
	};
}

export function baseUrl(): string {
	const url = process.env.E2E_BASE_URL;
	if (!url) throw new Error('E2E_BASE_URL is not set: run the e2e project through vitest.');
	return url;
}

/**
 * Waits until the worker has opened the database. On a fresh profile the app first asks demo or
 * shop: `firstStart` says what the dealer clicks (the demo unless a spec sets up a shop).
 */
export async function waitForReady(
	page: Page,
	options: { firstStart?: 'demo' | 'none'; timeout?: number } = {}
): Promise<void> {
	const timeout = options.timeout ?? 30_000;
	await page.waitForSelector('html[data-ready="true"], html[data-ready="choose"]', { timeout });
	const isChoosing = await page.evaluate(() => document.documentElement.dataset.ready === 'choose');
	if (!isChoosing || options.firstStart === 'none') return;
	await page.getByRole('button', { name: 'Try the demo' }).click();
	await page.waitForSelector('html[data-ready="true"]', { timeout });
}

/**
 * Answers the first-start choice with the demo before the app asks (benchmarks that time the
 * demo's first start without a click in it). The key is the app's own (state/workspace.ts).
 */
export async function startOnDemo(context: BrowserContext): Promise<void> {
	await context.addInitScript(() => {
		if (!localStorage.getItem('dropship-desk:workspace'))
			localStorage.setItem('dropship-desk:workspace', 'demo');
	});
}

/** Opens a path and waits until the worker has opened the database (the demo on a first start). */
export async function openApp(page: Page, path = '/'): Promise<void> {
	await page.goto(new URL(path, baseUrl()).toString());
	await waitForReady(page);
}
