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

export const Address = z.object({
	name: z.string().trim().min(1, 'is required'),
	company: z.string().trim().optional(),
	line1: z.string().trim().min(1, 'is required'),
	line2: z.string().trim().optional(),
	city: z.string().trim().min(1, 'is required'),
	state: z
		.string()
		.trim()
		.toUpperCase()
		.refine((s) => (US_STATES as readonly string[]).includes(s), 'is not a US state code'),
	postalCode: z
		.string()
		.trim()
		.regex(/^\d{5}(-\d{4})?$/, 'must be a ZIP code like 83702 or 83702-1234'),
	country: z.literal('US').default('US'),
	phone: z.string().trim().optional(),
	email: z.email('is not an email address').optional()
});
export type Address = z.infer<typeof Address>;
