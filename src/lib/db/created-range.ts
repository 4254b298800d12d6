import type { Table } from 'dexie';

const DAY_MS = 86_400_000;

/**
 * A superset of the rows created on the local days `from` to `to` ("YYYY-MM-DD", either may be
 * '' for open), read off the createdAt index. The days are local and the index holds UTC times,
 * so a day either side of the UTC bounds covers every time zone; the list's filter decides.
 */
export function createdAround<T extends { createdAt: string }, Insert>(
	table: Table<T, string, Insert>,
	from: string,
	to: string
): Promise<T[]> {
	const lower = from ? new Date(Date.parse(from) - DAY_MS).toISOString() : '';
	const upper = to ? new Date(Date.parse(to) + 2 * DAY_MS).toISOString() : '\uffff';
	return table.where('createdAt').between(lower, upper, true, true).toArray();
}

/** Newest first by createdAt (ISO times in UTC compare as strings). */
export function byNewest(a: { createdAt: string }, b: { createdAt: string }): number {
	return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;
}
