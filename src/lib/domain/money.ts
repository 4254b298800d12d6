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
	const plain = plainPriceToCents(text);
	if (plain !== null) return plain;
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

/** Whole-number digits read by hand; more could lose precision that `Number` would round alike. */
const MAX_PLAIN_DIGITS = 15;

/**
 * The same answer for the common spelling, digits with an optional point ("89.95", "12"), read
 * without a regular expression or a string made: a feed has hundreds of thousands of them.
 * Null means "not that spelling" (the general path decides).
 */
function plainPriceToCents(text: string): Cents | null {
	let whole = 0;
	let wholeDigits = 0;
	let fraction = 0; // the first three decimals, as 0–999
	let decimals = -1; // -1 until the point
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 46 && decimals < 0) decimals = 0;
		else if (c < 48 || c > 57) return null;
		else if (decimals < 0) {
			if (++wholeDigits > MAX_PLAIN_DIGITS) return null;
			whole = whole * 10 + (c - 48);
		} else if (++decimals <= 3)
			fraction += (c - 48) * (decimals === 1 ? 100 : decimals === 2 ? 10 : 1);
	}
	if (wholeDigits === 0 && decimals <= 0) return null; // "", "."
	// Round half up on a third decimal, as invoices do.
	return whole * 100 + Math.floor(fraction / 10) + (fraction % 10 >= 5 ? 1 : 0);
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
