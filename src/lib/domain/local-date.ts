/**
 * Calendar days as the dealer sees them: in the browser's local time zone, not UTC. An order
 * placed at 7 pm in Boise is that day's order, though it is already tomorrow in UTC.
 */

const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/;

/** "2025-03-07": the local calendar day of a moment. */
export function localDateKey(at: string | Date): string {
	const d = typeof at === 'string' ? new Date(at) : at;
	const month = String(d.getMonth() + 1).padStart(2, '0');
	const day = String(d.getDate()).padStart(2, '0');
	return `${d.getFullYear()}-${month}-${day}`;
}

/** A "YYYY-MM-DD" from a URL or a date input, or '' when it is not one. */
export function cleanDateKey(value: string | null | undefined): string {
	return value && DATE_KEY.test(value) ? value : '';
}

/** Both ends inclusive; an empty end is open. Keys compare as strings because they are padded. */
export function isInDateRange(at: string, from: string, to: string): boolean {
	const key = localDateKey(at);
	return (!from || key >= from) && (!to || key <= to);
}

/** Local midnight of the day `days` after the day of `at`. */
export function startOfLocalDay(at: Date, days = 0): Date {
	return new Date(at.getFullYear(), at.getMonth(), at.getDate() + days);
}
