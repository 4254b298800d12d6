import { assertChromium } from './chromium';
import { makeDemoProfile } from './demo-profile';
import { startPreview } from './preview-server';

/**
 * One preview server for the whole end-to-end run, on a free port unless E2E_PORT says, and one
 * demo profile every session starts from (a copy), unless the spec asks for a fresh browser.
 */
export default async function setup(): Promise<() => void> {
	assertChromium();
	const { url, stop } = await startPreview(
		process.env.E2E_PORT ? Number(process.env.E2E_PORT) : undefined
	);
	process.env.E2E_BASE_URL = url;
	try {
		const template = await makeDemoProfile();
		process.env.E2E_DEMO_PROFILE = template.dir;
		return () => {
			template.remove();
			stop();
		};
	} catch (error) {
		stop();
		throw error;
	}
}
