import type { DistributorId } from '$lib/domain/distributor';
import { expandFiles } from './decode';
import { parseGeneric } from './generic';
import { parsePu } from './pu';
import { parseTucker } from './tucker';
import type { ColumnMapping, FeedLayoutId, FeedParse, FeedRequest, ParseHooks } from './types';

export interface FeedPreset {
	id: FeedLayoutId;
	label: string;
	/** The distributor this layout belongs to; the generic CSV asks. */
	distributorId?: DistributorId;
	/** What to pick, in the dealer's words. */
	help: string;
	accept: string;
}

export const FEED_PRESETS: readonly FeedPreset[] = [
	{
		id: 'pu',
		label: 'Parts Unlimited price file',
		distributorId: 'pu',
		help: 'The zip from the dealer portal, or BasePriceFile.csv with your <dealer>_PriceFile.csv.',
		accept: '.zip,.csv,.txt'
	},
	{
		id: 'tucker',
		label: 'Tucker Rocky item master + inventory',
		distributorId: 'tucker',
		help: 'The fixed-width item master (itemmstrnew) and the inventory list (invlist) from the FTP.',
		accept: '.txt,.dat,*'
	},
	{
		id: 'wps',
		label: 'WPS items and inventory (CSV)',
		distributorId: 'wps',
		help: 'A CSV with the Data Depot item fields (sku, name, standard_dealer_price …) and *_warehouse quantities.',
		accept: '.csv,.txt'
	},
	{
		id: 'generic',
		label: 'Any CSV (Automatic and others)',
		help: 'A CSV with a header line; you choose which column is which, once.',
		accept: '.csv,.txt,.tsv'
	}
];

/**
 * WPS items as the Data Depot API names their fields (distributors.md §2.1, §6); Data Depot's own
 * download columns are unknown (§2.4), so the file form of this preset is an assumption.
 */
export const WPS_MAPPING: ColumnMapping = {
	sku: 'sku',
	cost: 'standard_dealer_price',
	mpn: 'supplier_product_id',
	brand: 'brand',
	upc: 'upc',
	description: 'name',
	msrp: 'list_price',
	map: 'mapp_price',
	status: 'status',
	stock: ['ca', 'ga', 'id', 'in', 'pa', 'pa2', 'tx'].map((code) => ({
		column: `${code}_warehouse`,
		warehouse: code.toUpperCase()
	}))
};

/** Parses a feed in the layout asked for. Never throws on bad input: refusals are values. */
export async function parseFeed(request: FeedRequest, hooks: ParseHooks): Promise<FeedParse> {
	const files = expandFiles(request.files);
	if ('refused' in files) return { ok: false, refused: files.refused };
	if (files.length === 0) return { ok: false, refused: 'No file was given.' };
	switch (request.layout) {
		case 'pu':
			return parsePu(files, hooks);
		case 'tucker':
			return parseTucker(files, hooks);
		case 'wps':
			return parseGeneric(files, 'wps', WPS_MAPPING, hooks);
		case 'generic':
			if (!request.mapping) return { ok: false, refused: 'Choose which column is which first.' };
			return parseGeneric(files, request.distributorId, request.mapping, hooks);
	}
}
