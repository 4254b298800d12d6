/**
 * Money is integer cents everywhere; floats only at the edges (parsing a feed, showing a price).
 */
export type Cents = number;

const PRICE = /^-?\$?\s*-?[\d,]*\.?\d*$/;

/**
 * Parses what distributors and storefronts write for a price: "$1,234.50", "89.95", " 12 ".
 * Returns null for blanks and anything that is not a price ("N/A", "call").
 */
export function parsePriceToCents(text: string | number | null | undefined): Cents | null {
	if (text === null || text === undefined) return null;
	if (typeof text === 'number') return Number.isFinite(text) ? Math.round(text * 100) : null;
	const trimmed = text.trim();
	if (trimmed === '' || !PRICE.test(trimmed)) return null;
	const negative = trimmed.includes('-');
	const digits = trimmed.replace(/[$,\s-]/g, '');
	if (digits === '' || digits === '.') return null;
	const [whole = '0', fraction = ''] = digits.split('.');
	const cents = Number(whole || '0') * 100 + Number((fraction + '00').slice(0, 2));
	// Round half up on a third decimal, as invoices do.
	const third = Number(fraction.charAt(2) || '0');
	const value = cents + (third >= 5 ? 1 : 0);
	return Number.isFinite(value) ? (negative ? -value : value) : null;
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export function formatCents(cents: Cents): string {
	return usd.format(cents / 100);
}

/** Cents as the plain decimal string the distributor APIs expect ("89.95"). */
export function centsToDecimal(cents: Cents): string {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
