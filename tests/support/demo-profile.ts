import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForTodaysFeeds } from '../pages/catalog-page';
import { openSession, waitForReady } from './chromium';

/**
 * A browser profile that has already said "Try the demo" and finished its first start (the demo
 * seeded, this morning's feeds fetched and imported), made once per run. Each spec's session
 * starts from a copy of it (`openSession`), as a dealer's browser does on every day after the
 * first, so the ~3 s first start is paid once, not in every test. Specs about the first start
 * itself ask for a fresh profile.
 */
export async function makeDemoProfile(): Promise<{ dir: string; remove: () => void }> {
	const dir = mkdtempSync(join(tmpdir(), 'dd-demo-template-'));
	const session = await openSession({ profileDir: dir, fresh: true });
	try {
		const { page } = session;
		await page.goto(new URL('/catalog', process.env.E2E_BASE_URL).toString());
		await waitForReady(page, { timeout: 60_000 });
		// The first start's background work ends before the copy: every feed card says "today".
		await waitForTodaysFeeds(page, 60_000);
		if (session.errors.length > 0)
			throw new Error(`The demo's first start logged errors: ${session.errors.join('\n')}`);
	} finally {
		await session.close();
	}
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
