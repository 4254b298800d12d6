import { z } from 'zod';
import type { OrderStatus, OrderStatusResult } from './types';

/**
 * The building blocks of every adapter's wire schemas: the parsing policy of README.md in code.
 * A distributor's answer is read for what the app uses and nothing more, so a field turning from
 * a number into a string, a list of one sent as the object itself, or a new field never turns a
 * placed order into a protocol error.
 */

/** An identifier (order, invoice, reference, item number): number or string, kept as a string. */
export const WireId = z.union([z.string(), z.number()]).transform((v) => String(v).trim());

/**
 * A quantity: number or numeric string ("5", " 5 "), read as a non-negative integer. Blank, null
 * and anything unreadable count as 0: a quantity the app cannot read is not a reason to drop the
 * whole answer.
 */
export const WireQty = z
	.union([z.number(), z.string(), z.null()])
	.optional()
	.transform((v) => {
		const n = typeof v === 'number' ? v : Number(String(v ?? '').trim() || 0);
		return Number.isFinite(n) ? Math.max(0, Math.trunc(n)) : 0;
	});

/** Money or any other number that may come as a string ("89.95"); parsed where it is used. */
export const WireNumber = z.union([z.number(), z.string()]);

/** Free text that may be missing or null; read as a string ('' when absent). */
export const WireText = z
	.union([z.string(), z.number(), z.null()])
	.optional()
	.transform((v) => (v === null || v === undefined ? '' : String(v)));

/**
 * A list that may come as a list, as the one object itself, or as null/absent for "none": always
 * read as an array.
 */
export function wireList<S extends z.ZodType>(item: S) {
	return z
		.union([z.array(item), item, z.null()])
		.optional()
		.transform((v): z.infer<S>[] => {
			if (v === null || v === undefined) return [];
			return Array.isArray(v) ? v : [v];
		});
}

/**
 * The list an answer is about (`availability`, `orders`, WPS `data`): a list, one object or null
 * for none, but the key itself must be there; an answer without it is not the answer asked for.
 */
export function wireListKey<S extends z.ZodType>(item: S) {
	return z
		.union([z.array(item), item, z.null()])
		.transform((v): z.infer<S>[] => (v === null ? [] : Array.isArray(v) ? v : [v]));
}

/** What a distributor's status word means here, and the word itself when it was not known. */
export interface ReadStatus {
	status: OrderStatus;
	/** The distributor's own word when the app does not know it (then `status` is `open`). */
	unknownWord?: string;
}

/**
 * Maps a status word through a distributor's vocabulary (upper-cased, trimmed). An unknown word
 * is `open` and is handed back so it can be recorded on the PO ("WPS said 'B/O'"), never an error.
 */
export function readStatusWord(
	words: Readonly<Record<string, OrderStatus>>,
	raw: string | undefined
): ReadStatus {
	const word = (raw ?? '').trim();
	if (word === '') return { status: 'open' };
	const status = words[word.toUpperCase()];
	return status ? { status } : { status: 'open', unknownWord: word };
}

/** "WPS said 'B/O', 'HOLD'": the note recorded on the PO for words the app does not know. */
export function unknownStatusNote(
	distributorName: string,
	words: readonly (string | undefined)[]
): string | undefined {
	const unique = [...new Set(words.filter((w): w is string => Boolean(w)))];
	if (unique.length === 0) return undefined;
	return `${distributorName} said ${unique.map((w) => `'${w}'`).join(', ')}`;
}

/**
 * One PO as an adapter reports it: what the distributor said, and a status note naming the
 * words it used that the app does not know (none when every word was known).
 */
export function statusResult(
	distributorName: string,
	result: Omit<OrderStatusResult, 'statusNote'>,
	unknownWords: readonly (string | undefined)[]
): OrderStatusResult {
	const note = unknownStatusNote(distributorName, unknownWords);
	return { ...result, ...(note ? { statusNote: note } : {}) };
}
