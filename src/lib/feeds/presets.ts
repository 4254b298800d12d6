import { expandFiles } from './decode';
import { parseGeneric } from './generic';
import { parsePu } from './pu';
import { parseTucker } from './tucker';
import type { ColumnMapping, FeedParse, FeedRequest, ParseHooks } from './types';

export { FEED_PRESETS, type FeedPreset } from './preset-list';

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
