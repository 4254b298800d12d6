import type { Offer } from '$lib/domain/catalog';
import type { DistributorId } from '$lib/domain/distributor';
import type { OfferRow } from '$lib/domain/offer-row';

/** The feed layouts Dropship Desk reads, each a preset (presets.ts). */
export type FeedLayoutId = 'pu' | 'tucker' | 'wps' | 'generic';

/** One file of a feed as the dealer picked it (a zip is unpacked into several). */
export interface FeedFile {
	name: string;
	bytes: Uint8Array;
}

/** A row that was left out, and why, in the dealer's words. */
export interface RowProblem {
	/** 1-based line in its file where the row starts (quoted newlines counted). */
	line: number;
	column: string;
	reason: string;
	file?: string;
}

export interface ParseProgress {
	rows: number;
	/** 0–1 of the input read so far. */
	fraction: number;
}

/**
 * Where a table feed's parse puts each good row as it reads it, instead of keeping offers in an
 * array: the importer's sink copies the row's fields into the columns of its storage blocks, so a
 * 200k-row feed makes no offer object at all (making and moving them was most of the garbage
 * collector's share of an import).
 */
export interface OfferSink {
	/** Takes the row's values now: the parse fills the same `OfferRow` again for the next row. */
	add(row: OfferRow): void;
	readonly count: number;
	/** The offers again, as objects, in feed order (for the few readers that want objects). */
	offers(): Offer[];
}

export interface ParseHooks {
	onProgress?: (progress: ParseProgress) => void;
	/** Takes the good offers of a table feed as they are read (see `OfferSink`). */
	sink?: OfferSink;
	/** Checked between batches; true stops the parse with nothing kept. */
	isCancelled?: () => boolean;
	/** Lets the worker answer other calls between batches. */
	pause?: () => Promise<void>;
}

/** Problems kept one by one; beyond this only counted (a broken 200k-row file would be 200k). */
export const MAX_PROBLEMS_KEPT = 5000;

export type FeedParse =
	| {
			ok: true;
			/** With a sink, made from it on first read: use `offerCount` for how many. */
			offers: Offer[];
			offerCount: number;
			/** The sink that holds the offers, when the parse was given one. */
			sink?: OfferSink;
			problems: RowProblem[];
			problemCount: number;
			/** Data rows read, good and bad. */
			rowCount: number;
			/** Things the dealer should know that are not row problems ("no inventory file"). */
			notes: string[];
	  }
	| { ok: false; refused: string }
	| { ok: false; cancelled: true };

/** Generic CSV: which column holds which field (header names as in the file). */
export interface ColumnMapping {
	sku: string;
	cost: string;
	mpn?: string;
	brand?: string;
	upc?: string;
	description?: string;
	msrp?: string;
	map?: string;
	fee?: string;
	status?: string;
	/** Stock columns and the warehouse code each one is. */
	stock: { column: string; warehouse: string }[];
}

export interface FeedRequest {
	layout: FeedLayoutId;
	distributorId: DistributorId;
	files: FeedFile[];
	mapping?: ColumnMapping;
}
