import { err, ok, type Result } from '$lib/domain/result';
import type { FeedFile } from '$lib/feeds/types';

/** Feeds are a few tens of MB; anything far larger is not a price file. */
const MAX_FEED_BYTES = 200 * 1024 * 1024;

/**
 * Downloads a feed with the worker's transport: in live mode that rewrites distributor addresses
 * onto the proxy (which only reaches its allow-list), in demo mode the simulators answer.
 */
export async function fetchFeedFile(
	transport: typeof fetch,
	url: string
): Promise<Result<FeedFile>> {
	let response: Response;
	try {
		response = await transport(url, { method: 'GET' });
	} catch (cause) {
		if (cause instanceof TypeError && /Not a distributor address/.test(cause.message)) {
			return err(
				'validation',
				'Dropship Desk can only fetch from the distributors’ own addresses. Download the file and upload it instead.',
				{ field: 'url' }
			);
		}
		return err(
			'transient',
			'The feed could not be downloaded. Check the connection and try again.',
			{
				detail: String(cause)
			}
		);
	}
	if (!response.ok) {
		return err('transient', `The feed address answered ${response.status}. Nothing was changed.`, {
			detail: response.statusText
		});
	}
	const bytes = new Uint8Array(await response.arrayBuffer());
	if (bytes.length > MAX_FEED_BYTES)
		return err('validation', 'That download is too large to be a feed.');
	const name = decodeURIComponent(new URL(url).pathname.split('/').pop() || 'feed');
	return ok({ name, bytes });
}
