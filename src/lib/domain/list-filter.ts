import type { z } from 'zod';
import { DistributorId } from './distributor';
import { cleanDateKey } from './local-date';

/**
 * What the Orders and Purchase orders lists' filters share: the search box, the distributor and
 * the date range. Filters live in the URL query string, so every value is a string and '' means
 * "any"; a reload or a shared link shows the same list.
 */
export interface ListFilter {
	q: string;
	distributor: DistributorId | '';
	from: string;
	to: string;
}

/** Reads the shared filters from a query string; anything unknown is dropped rather than trusted. */
export function parseListFilter(params: URLSearchParams): ListFilter {
	return {
		q: params.get('q')?.trim() ?? '',
		distributor: parseChoice(DistributorId, params.get('distributor')),
		from: cleanDateKey(params.get('from')),
		to: cleanDateKey(params.get('to'))
	};
}

/** One of a choice's values from the URL, or '' (any) when it is not one. */
export function parseChoice<T extends string>(schema: z.ZodType<T>, raw: string | null): T | '' {
	const parsed = schema.safeParse(raw);
	return parsed.success ? parsed.data : '';
}

/** Only the filters in use, in a fixed order, so equal filters make equal URLs. */
export function filterToParams(filter: object): URLSearchParams {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(filter)) {
		if (typeof value === 'string' && value.trim() !== '') params.set(key, value.trim());
	}
	return params;
}

export function isFiltered(filter: object): boolean {
	return filterToParams(filter).size > 0;
}

/** Case- and space-insensitive "contains", for the search box. */
export function matchesText(query: string, ...fields: (string | undefined)[]): boolean {
	const needle = query.trim().toLowerCase();
	if (!needle) return true;
	return fields.some((field) => field?.toLowerCase().includes(needle));
}
