import { parsePriceToCents } from '$lib/domain/money';
import type { Offer } from '$lib/domain/catalog';
import { MAX_PROBLEMS_KEPT, type FeedParse, type OfferSink, type RowProblem } from './types';

/** Header names compared the way people retype them: case, spaces and a stray BOM ignored. */
export const headerKey = (name: string): string =>
	name
		.replace(/^\uFEFF/, '')
		.trim()
		.toLowerCase()
		.replace(/\s+/g, ' ');

/** The index of the first header matching one of `names`, or -1. */
export function findColumn(header: readonly string[], ...names: string[]): number {
	const keys = header.map(headerKey);
	for (const name of names) {
		const i = keys.indexOf(headerKey(name));
		if (i >= 0) return i;
	}
	return -1;
}

/** Collects the bad rows of one import: the first few thousand in full, the rest counted. */
export class Problems {
	readonly kept: RowProblem[] = [];
	count = 0;

	add(problem: RowProblem): void {
		this.count++;
		if (this.kept.length < MAX_PROBLEMS_KEPT) this.kept.push(problem);
	}

	/**
	 * The successful parse every layout returns: its offers (an array, or the sink that took them,
	 * made into objects only if someone reads `offers`), these problems, the rows read.
	 */
	parsed(offers: Offer[] | OfferSink, rowCount: number, notes: string[] = []): FeedParse {
		const rest = { problems: this.kept, problemCount: this.count, rowCount, notes };
		if (Array.isArray(offers)) return { ok: true, offers, offerCount: offers.length, ...rest };
		const sink = offers;
		let made: Offer[] | undefined;
		return {
			ok: true,
			get offers() {
				return (made ??= sink.offers());
			},
			offerCount: sink.count,
			sink,
			...rest
		};
	}
}

/**
 * Reads one row's cells into typed values; the first bad cell marks the row bad (it is reported
 * and left out, the import goes on).
 */
export class RowReader {
	problem: Omit<RowProblem, 'line'> | null = null;

	constructor(private cells: readonly string[]) {}

	reset(cells: readonly string[]): this {
		this.cells = cells;
		this.problem = null;
		return this;
	}

	text(index: number): string {
		if (index < 0) return '';
		const cell = this.cells[index] ?? '';
		// Most cells start and end with a printable ASCII character, so there is nothing to trim:
		// checked by hand (a feed has millions of cells), `trim` only for the rest.
		const last = cell.length - 1;
		if (
			last < 0 ||
			(isPrintableAscii(cell.charCodeAt(0)) && isPrintableAscii(cell.charCodeAt(last)))
		)
			return cell;
		return cell.trim();
	}

	required(index: number, label: string): string {
		const value = this.text(index);
		if (!value) this.fail(label, `${label} is blank`);
		return value;
	}

	/** Cents, or undefined for a blank optional cell. */
	price(index: number, label: string, isRequired: boolean): number | undefined {
		const raw = this.text(index);
		if (raw === '' && !isRequired) return undefined;
		const cents = parsePriceToCents(raw);
		if (cents === null || cents < 0) {
			this.fail(label, raw === '' ? `${label} is blank` : `${label} '${raw}' is not a price`);
			return undefined;
		}
		return cents;
	}

	/** A stock quantity: digits; `plus` is what "+" (many) counts as; blank and N/A are none. */
	quantity(index: number, label: string, plus: number): number {
		const raw = this.text(index);
		if (isDigits(raw)) return Number(raw); // most cells: checked first, without a regex
		if (raw === '' || /^n\/?a$/i.test(raw)) return 0;
		if (raw === '+' || raw.endsWith('+')) return Math.max(plus, Number(raw.slice(0, -1)) || 0);
		if (/^-\d+$/.test(raw)) return 0; // a negative count is a backorder: none on the shelf
		this.fail(label, `${label} '${raw}' is not a quantity`);
		return 0;
	}

	fail(column: string, reason: string): void {
		this.problem ??= { column, reason };
	}
}

/** Not whitespace of any kind: `trim` would leave it. */
const isPrintableAscii = (code: number) => code > 32 && code < 127;

function isDigits(text: string): boolean {
	if (text.length === 0) return false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 48 || c > 57) return false;
	}
	return true;
}

/** "line 4,812: dealer cost 'N/A' is not a price" */
export function describeProblem(p: RowProblem): string {
	const where = p.file
		? `${p.file}, line ${p.line.toLocaleString('en-US')}`
		: `line ${p.line.toLocaleString('en-US')}`;
	return `${where}: ${p.reason}`;
}
