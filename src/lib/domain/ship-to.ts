import { DISTRIBUTORS, DISTRIBUTOR_IDS, type DistributorId } from './distributor';

/**
 * Where each distributor is known to drop-ship (distributors.md). Every public client of the four
 * APIs sends US addresses: two-letter states and ZIP codes for WPS's cart and Tucker's ORD, and
 * `country: "US"` in every Parts Unlimited drop-ship body seen. Nothing public says whether any
 * of them drop-ships to Canada or elsewhere: that is UNKNOWN, not no. Replace a list when the
 * dealer's own distributor documents say more.
 */
export const KNOWN_SHIP_TO_COUNTRIES: Readonly<Record<DistributorId, readonly string[]>> = {
	wps: ['US'],
	pu: ['US'],
	tucker: ['US'],
	automatic: ['US']
};

const COUNTRY_NAMES: Record<string, string> = {
	US: 'the US',
	CA: 'Canada',
	MX: 'Mexico',
	GB: 'the UK'
};

export const countryName = (code: string): string => COUNTRY_NAMES[code] ?? code;

/** Why this distributor cannot be asked to ship there, in words, or null when it is known to. */
export function shipToProblem(distributorId: DistributorId, country: string): string | null {
	if (KNOWN_SHIP_TO_COUNTRIES[distributorId].includes(country)) return null;
	return `not known whether ${DISTRIBUTORS[distributorId].name} drop-ships to ${countryName(country)}: ask them first`;
}

/**
 * One sentence for an order's address: which distributors ship there, and where it is unknown.
 * Null for a US address (all four do).
 */
export function shipToSummary(country: string): string | null {
	const known = DISTRIBUTOR_IDS.filter((id) => shipToProblem(id, country) === null);
	if (known.length === DISTRIBUTOR_IDS.length) return null;
	const unknown = DISTRIBUTOR_IDS.filter((id) => !known.includes(id));
	const names = (ids: readonly DistributorId[]) =>
		ids.map((id) => DISTRIBUTORS[id].name).join(', ');
	const where = countryName(country);
	if (known.length === 0)
		return `Ships to ${where}: not known for any distributor (${names(unknown)}). Ask them before drop-shipping, or record a drop-ship you placed by hand.`;
	return `Ships to ${where}: ${names(known)} known to; not known for ${names(unknown)}.`;
}
