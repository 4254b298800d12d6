import { z } from 'zod';

export const DistributorId = z.enum(['wps', 'pu', 'tucker', 'automatic']);
export type DistributorId = z.infer<typeof DistributorId>;

export const DISTRIBUTOR_IDS = DistributorId.options;

export interface DistributorInfo {
	id: DistributorId;
	name: string;
	/** The SKU prefix dealers know from the dealer-software tools (PSS): WP2-R0451B-8. */
	skuPrefix: 'WP' | 'PU' | 'TR' | 'AU';
	/**
	 * Who to contact when the API cannot do it (cancellations, account set-up). Only the addresses
	 * the public material confirms; the dealer's rep knows the rest.
	 */
	contact: string;
	/** The credential fields this distributor's API takes, in the order the dealer types them. */
	credentialFields: readonly CredentialField[];
	/** What the account needs before drop-ship orders succeed; the API cannot check these up front. */
	prerequisites: readonly string[];
}

export interface CredentialField {
	key: 'dealerNumber' | 'customerNumber' | 'apiKey' | 'apiToken' | 'apiBaseUrl';
	label: string;
	isSecret: boolean;
}

export const DISTRIBUTORS: Readonly<Record<DistributorId, DistributorInfo>> = {
	wps: {
		id: 'wps',
		name: 'Western Power Sports',
		skuPrefix: 'WP',
		contact: 'WPS web services, webservices@wps-inc.com',
		credentialFields: [{ key: 'apiToken', label: 'API token', isSecret: true }],
		prerequisites: ['A tax ID is on file with WPS', 'Order processing is enabled for the API token']
	},
	pu: {
		id: 'pu',
		name: 'Parts Unlimited',
		skuPrefix: 'PU',
		contact: 'your Parts Unlimited sales representative (the number is on your dealer portal)',
		credentialFields: [
			{ key: 'dealerNumber', label: 'Dealer number', isSecret: false },
			{ key: 'apiKey', label: 'API key', isSecret: true }
		],
		prerequisites: ['Drop-ship is enabled for your dealer account']
	},
	tucker: {
		id: 'tucker',
		name: 'Tucker Rocky',
		skuPrefix: 'TR',
		contact: 'your Tucker Rocky sales representative (the number is on your dealer portal)',
		credentialFields: [
			{ key: 'customerNumber', label: 'Customer number', isSecret: false },
			{ key: 'apiKey', label: 'API key', isSecret: true }
		],
		prerequisites: ['A credit card is on file with Tucker Rocky']
	},
	automatic: {
		id: 'automatic',
		name: 'Automatic Distributors',
		skuPrefix: 'AU',
		contact: 'Automatic Distributors customer service, Custserv@autodist.com',
		credentialFields: [
			// Automatic's API address is not public: the dealer's rep gives it (distributors.md §5.3).
			{ key: 'apiBaseUrl', label: 'API address (from your Automatic rep)', isSecret: false },
			{ key: 'apiToken', label: 'API token', isSecret: true }
		],
		prerequisites: []
	}
};

/** The SKU as dealers read it: distributor prefix + the distributor's own part number. */
export function displaySku(distributorId: DistributorId, sku: string): string {
	return `${DISTRIBUTORS[distributorId].skuPrefix}${sku}`;
}

/**
 * The tie-break order the dealer tools use when several distributors have stock with equal lead
 * time (PSS: Tucker, PU, WPS, …, Automatic). The dealer can change it in Inventory rules.
 */
export const DEFAULT_PREFERENCE: readonly DistributorId[] = ['tucker', 'pu', 'wps', 'automatic'];
