import type { DistributorId } from '$lib/domain/distributor';
import type { FeedLayoutId } from './types';

/** The layouts the Import page offers; no parser here, so the page bundle stays small. */
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
