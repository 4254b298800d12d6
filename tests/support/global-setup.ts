import { assertChromium } from './chromium';
import { startPreview } from './preview-server';

/** One preview server for the whole end-to-end run, on a free port unless E2E_PORT says. */
export default async function setup(): Promise<() => void> {
	assertChromium();
	const { url, stop } = await startPreview(
		process.env.E2E_PORT ? Number(process.env.E2E_PORT) : undefined
	);
	process.env.E2E_BASE_URL = url;
	return stop;
}
