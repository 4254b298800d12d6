/**
 * Takes a screenshot of each screen of the demo (for looking at what we build):
 * `npx tsx scripts/screenshots.ts [path ...]` after `npm run build`. Writes test-results/*.png.
 */
import { mkdirSync } from 'node:fs';
import { openApp, openSession } from '../tests/support/chromium';
import { startPreview } from '../tests/support/preview-server';

const paths = process.argv.slice(2);
const targets =
	paths.length > 0 ? paths : ['/', '/orders', '/purchase-orders', '/catalog', '/settings'];
const server = await startPreview();
process.env.E2E_BASE_URL = server.url;
const session = await openSession();
mkdirSync('test-results', { recursive: true });
try {
	for (const path of targets) {
		await openApp(session.page, path);
		await session.page.waitForTimeout(500);
		const name = path === '/' ? 'dashboard' : path.slice(1).replace(/\//g, '_');
		await session.page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
		console.log(`test-results/${name}.png`);
	}
	if (session.errors.length) console.log('console errors:', session.errors);
} finally {
	await session.close();
	server.stop();
}
