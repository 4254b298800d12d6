/**
 * Dates as the dealer reads them: in the browser's own time zone and locale. The stored values
 * stay ISO strings in UTC; only these functions turn them into words.
 */
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dayShort = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

export const formatDateTime = (iso: string): string => dateTime.format(new Date(iso));

export const formatDate = (iso: string): string => dateOnly.format(new Date(iso));

/** A local day key ("2025-03-07") as "Mar 7". Parsed as local, never as UTC midnight. */
export function formatDayKey(key: string): string {
	const [y = 0, m = 1, d = 1] = key.split('-').map(Number);
	return dayShort.format(new Date(y, m - 1, d));
}

/** "3 orders", "1 order". */
export const plural = (count: number, one: string, many = `${one}s`): string =>
	`${count} ${count === 1 ? one : many}`;

/** "1.2 MB": storage sizes as the dealer reads them (decimal units, as the OS shows them). */
export function formatBytes(bytes: number): string {
	const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit += 1;
	}
	return unit === 0 ? `${value} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
