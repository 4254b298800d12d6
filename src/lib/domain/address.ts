import { z } from 'zod';

export const US_STATES = [
	'AL',
	'AK',
	'AZ',
	'AR',
	'CA',
	'CO',
	'CT',
	'DE',
	'DC',
	'FL',
	'GA',
	'HI',
	'ID',
	'IL',
	'IN',
	'IA',
	'KS',
	'KY',
	'LA',
	'ME',
	'MD',
	'MA',
	'MI',
	'MN',
	'MS',
	'MO',
	'MT',
	'NE',
	'NV',
	'NH',
	'NJ',
	'NM',
	'NY',
	'NC',
	'ND',
	'OH',
	'OK',
	'OR',
	'PA',
	'RI',
	'SC',
	'SD',
	'TN',
	'TX',
	'UT',
	'VT',
	'VA',
	'WA',
	'WV',
	'WI',
	'WY',
	'PR',
	'VI',
	'GU',
	'AS',
	'MP',
	'AA',
	'AE',
	'AP'
] as const;

/** Canada's provinces and territories, as Canada Post writes them. */
export const CA_PROVINCES = [
	'AB',
	'BC',
	'MB',
	'NB',
	'NL',
	'NS',
	'NT',
	'NU',
	'ON',
	'PE',
	'QC',
	'SK',
	'YT'
] as const;

/** Country names stores write instead of the two-letter code. */
const COUNTRY_NAMES: Record<string, string> = {
	'UNITED STATES': 'US',
	'UNITED STATES OF AMERICA': 'US',
	USA: 'US',
	'U.S.': 'US',
	'U.S.A.': 'US',
	CANADA: 'CA',
	MEXICO: 'MX',
	'UNITED KINGDOM': 'GB'
};

/** "United States", "usa", " US " → "US"; a two-letter code as it is; blank → US (typed by hand, or
 * an order from before the country was read). */
export function countryCode(value: string): string {
	const upper = value.trim().toUpperCase();
	if (upper === '') return 'US';
	return COUNTRY_NAMES[upper] ?? upper;
}

/**
 * A postal code as a spreadsheet-safe export writes it ("'02108": the apostrophe keeps the
 * leading zero) or as a buyer types it: the apostrophes and outer spaces go, and a Canadian code
 * reads "K1A 0B1".
 */
export function cleanPostalCode(value: string): string {
	const bare = value.replace(/^[\s'‘’`]+|[\s'‘’`]+$/g, '');
	const canadian = /^([A-Za-z]\d[A-Za-z])\s*(\d[A-Za-z]\d)$/.exec(bare);
	return canadian ? `${canadian[1]} ${canadian[2]}`.toUpperCase() : bare;
}

const US_ZIP = /^\d{5}(-\d{4})?$/;
// Canada Post never uses D, F, I, O, Q, U, nor W or Z as the first letter.
const CA_POSTAL = /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] \d[ABCEGHJ-NPRSTV-Z]\d$/;

export const Address = z
	.object({
		name: z.string().trim().min(1, 'is required'),
		company: z.string().trim().optional(),
		line1: z.string().trim().min(1, 'is required'),
		line2: z.string().trim().optional(),
		city: z.string().trim().min(1, 'is required'),
		/** A US state, a Canadian province, or another country's region as the store wrote it. */
		state: z.string().trim().toUpperCase(),
		postalCode: z.string().transform(cleanPostalCode),
		/** ISO 3166 two-letter code, read from the order, never assumed for a store's order. */
		country: z
			.string()
			.default('US')
			.transform(countryCode)
			.pipe(z.string().regex(/^[A-Z]{2}$/, 'is not a country code like US or CA')),
		phone: z.string().trim().optional(),
		email: z.email('is not an email address').optional()
	})
	.superRefine((a, ctx) => {
		const issue = (path: 'state' | 'postalCode', message: string) =>
			ctx.addIssue({ code: 'custom', path: [path], message });
		if (a.country === 'US') {
			if (!(US_STATES as readonly string[]).includes(a.state))
				issue('state', 'is not a US state code');
			if (!US_ZIP.test(a.postalCode))
				issue('postalCode', 'must be a ZIP code like 83702 or 83702-1234');
		} else if (a.country === 'CA') {
			if (!(CA_PROVINCES as readonly string[]).includes(a.state))
				issue('state', 'is not a Canadian province code like ON or BC');
			if (!CA_POSTAL.test(a.postalCode))
				issue('postalCode', 'must be a Canadian postal code like K1A 0B1');
		}
	});
export type Address = z.infer<typeof Address>;
