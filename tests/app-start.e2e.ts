import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, openSession, waitForReady, type Session } from './support/chromium';

/** A dealer opens Dropship Desk for the first time, sees the demo shop, and comes back to it. */
let session: Session;

beforeEach(async () => {
	// A browser that has never opened the app: this spec is about the first start.
	session = await openSession({ fresh: true });
});

afterEach(async () => {
	await session.close();
});

describe('first start', () => {
	it('opens on the demo dealer with its orders, keeps them across a reload, with no console error', async () => {
		const { page } = session;
		await openApp(page, '/');
		await expect
			.poll(() => page.getByText('Demo mode', { exact: true }).count())
			.toBeGreaterThan(0);
		const orderLinks = page.locator('main a[href^="/orders/"]');
		await expect.poll(() => orderLinks.count()).toBeGreaterThan(5);
		const before = await orderLinks.allTextContents();

		await page.reload();
		await waitForReady(page);
		await expect.poll(() => orderLinks.count()).toBe(before.length);
		expect(await orderLinks.allTextContents()).toEqual(before);
		expect(session.errors).toEqual([]);
	});
});

describe('warm start', () => {
	it("shows the dashboard from the page's own reads while the worker is still starting", async () => {
		const { page } = session;
		await openApp(page, '/');
		const orderLinks = page.locator('main a[href^="/orders/"]');
		await expect.poll(() => orderLinks.count()).toBeGreaterThan(5);

		// Hold every new worker of the page before its first line runs (a debugger's wait).
		const cdp = await session.context.newCDPSession(page);
		const held: string[] = [];
		cdp.on(
			'Target.attachedToTarget',
			(event: { sessionId: string; targetInfo: { type: string } }) => {
				if (event.targetInfo.type === 'worker') held.push(event.sessionId);
			}
		);
		await cdp.send('Target.setAutoAttach', {
			autoAttach: true,
			waitForDebuggerOnStart: true,
			flatten: false
		});
		await page.reload();
		await expect.poll(() => held.length).toBeGreaterThan(0);
		await expect.poll(() => orderLinks.count()).toBeGreaterThan(5);
		expect(await page.evaluate(() => document.documentElement.dataset.ready)).not.toBe('true');

		// The list also holds the worker of the page before the reload, gone since.
		let released = 0;
		for (const sessionId of held) {
			const message = JSON.stringify({ id: 1, method: 'Runtime.runIfWaitingForDebugger' });
			await cdp
				.send('Target.sendMessageToTarget', { sessionId, message })
				.then(() => released++)
				.catch(() => undefined);
		}
		expect(released).toBeGreaterThan(0);
		await waitForReady(page);
		expect(session.errors).toEqual([]);
	});
});
