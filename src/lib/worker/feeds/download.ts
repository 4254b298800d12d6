import { PU_DEALER_URL } from '$lib/distributors/parts-unlimited/constants';
import type { DistributorId } from '$lib/domain/distributor';
import { FTP_BRIDGE_BASE, type FeedSource, type FtpFetchRequest } from '$lib/domain/feed-source';
import { err, ok, type Result } from '$lib/domain/result';
import type { FeedFile } from '$lib/feeds/types';
import { fetchFeedFile } from '../catalog/feed-url';

/**
 * The bytes of a distributor's feed from its source: a URL (through the proxy's allow-list), FTP
 * (through the proxy's FTP bridge, one request per file) or PU's price file (a POST answered with
 * a ZIP). Failures are `transient` with the reason in the dealer's words, never thrown.
 */

/**
 * PU's price-file request (distributors.md §3.5, one witness, unconfirmed): the portal's Basic
 * credentials as "<DEALER>/<USERNAME>:<PASSWORD>", a JSON body, a ZIP answer.
 */
export const PU_PRICE_FILE = {
	url: `${PU_DEALER_URL}/quotes/v2/pricefile`,
	body: (dealerCode: string) => ({
		dealerCodes: [dealerCode],
		headersPrepended: true,
		auxillaryColumns: ['UPC_CODE', 'BRAND_NAME', 'DROPSHIP_FEE'],
		attachingCatalogs: []
	})
} as const;

async function failureOf(response: Response): Promise<string> {
	const body = (await response.json().catch(() => null)) as { message?: unknown } | null;
	return typeof body?.message === 'string' ? body.message : `it answered ${response.status}.`;
}

async function readAll(response: Response, name: string): Promise<Result<FeedFile>> {
	try {
		return ok({ name, bytes: new Uint8Array(await response.arrayBuffer()) });
	} catch {
		return err('transient', `${name} was cut off while downloading.`);
	}
}

export async function fetchFtpFiles(
	transport: typeof fetch,
	distributorId: DistributorId,
	ftp: NonNullable<FeedSource['ftp']>,
	password: string
): Promise<Result<FeedFile[]>> {
	const files: FeedFile[] = [];
	for (const file of ftp.files) {
		const body: FtpFetchRequest = {
			host: ftp.host,
			port: ftp.port,
			user: ftp.user,
			password,
			path: ftp.path,
			file,
			tls: ftp.tls
		};
		let response: Response;
		try {
			response = await transport(`${FTP_BRIDGE_BASE}/${distributorId}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body)
			});
		} catch {
			return err('transient', 'the FTP bridge could not be reached.');
		}
		if (!response.ok) return err('transient', await failureOf(response));
		const read = await readAll(response, file);
		if (!read.ok) return read;
		files.push(read.value);
	}
	return ok(files);
}

export async function fetchPuPriceFile(
	transport: typeof fetch,
	portal: NonNullable<FeedSource['portal']>,
	password: string
): Promise<Result<FeedFile[]>> {
	const basic = btoa(`${portal.dealerCode}/${portal.username}:${password}`);
	let response: Response;
	try {
		response = await transport(PU_PRICE_FILE.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Basic ${basic}` },
			body: JSON.stringify(PU_PRICE_FILE.body(portal.dealerCode))
		});
	} catch {
		return err('transient', 'the dealer portal could not be reached.');
	}
	if (response.status === 401 || response.status === 403)
		return err('transient', 'login refused (check the dealer code, user and password).');
	if (!response.ok) return err('transient', `the dealer portal answered ${response.status}.`);
	const read = await readAll(response, 'pricefile.zip');
	return read.ok ? ok([read.value]) : read;
}

export async function fetchUrlFile(
	transport: typeof fetch,
	url: string
): Promise<Result<FeedFile[]>> {
	const file = await fetchFeedFile(transport, url);
	return file.ok ? ok([file.value]) : err('transient', file.error.message);
}
