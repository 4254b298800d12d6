import { strToU8, zipSync } from 'fflate';
import { http, HttpResponse, type RequestHandler } from 'msw';
import { PU_DEALER_URL } from '$lib/distributors/parts-unlimited/constants';
import type { DistributorId } from '$lib/domain/distributor';
import { FTP_BRIDGE_BASE } from '$lib/domain/feed-source';
import type { Simulator } from '$lib/simulator/simulator';
import { automaticCsv, puPriceFiles, tuckerInventory, tuckerItemMaster } from './feed-files';

/**
 * The distributors' feeds by their sources, for the demo: Tucker's and Automatic's FTP files
 * through a simulated FTP bridge (the proxy's `/proxy/ftp/<distributor>` answers the same way),
 * and PU's price file as a ZIP by POST. WPS's catalog is its API (wps/sim-items.ts).
 */
function offersOf(sim: Simulator, id: DistributorId) {
	return sim.catalog.skus(id).flatMap((sku) => sim.catalog.lookup(id, sku) ?? []);
}

const notFound = (file: string) =>
	HttpResponse.json(
		{ error: 'not_found', message: `${file} in the folder was not found.` },
		{ status: 404 }
	);

export function feedHandlers(sim: Simulator): RequestHandler[] {
	return [
		http.post(`${FTP_BRIDGE_BASE}/:distributor`, async ({ request, params }) => {
			const { file } = (await request.json()) as { file?: string };
			const id = params.distributor as DistributorId;
			const name = file ?? '';
			if (id === 'tucker' && name === 'itemmstrnew')
				return new HttpResponse(tuckerItemMaster(offersOf(sim, 'tucker')));
			if (id === 'tucker' && name === 'invlist')
				return new HttpResponse(tuckerInventory(offersOf(sim, 'tucker')));
			if (id === 'automatic' && name.endsWith('.csv'))
				return new HttpResponse(automaticCsv(offersOf(sim, 'automatic')));
			return notFound(name);
		}),
		http.post(`${PU_DEALER_URL}/quotes/v2/pricefile`, ({ request }) => {
			if (!request.headers.get('authorization')?.startsWith('Basic '))
				return HttpResponse.json({ message: 'Unauthorized' }, { status: 401 });
			const files = puPriceFiles(offersOf(sim, 'pu'));
			const zip = zipSync({
				'BasePriceFile.csv': strToU8(files.base),
				'10001_PriceFile.csv': strToU8(files.dealer)
			});
			return new HttpResponse(zip, { headers: { 'content-type': 'application/zip' } });
		})
	];
}
