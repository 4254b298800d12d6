import { assertChromium } from './chromium';
import { startPreview } from './preview-server';

/** One preview server for the whole end-to-end run. */
export default async function setup(): Promise<() => void> {
	assertChromium();
	const { url, stop } = await startPreview(Number(process.env.E2E_PORT ?? 4399));
	process.env.E2E_BASE_URL = url;
	return stop;
}
