import type { Offer } from '$lib/domain/catalog';
import type { OfferRow } from '$lib/domain/offer-row';
import { BlockBuilder } from './block-builder';
import {
	blockOffers,
	dictAt,
	encodeBlock,
	offerAt,
	textAt,
	type ColumnarBlock
} from './catalog-blocks';

/** Offers per stored record: the block size that keeps a 200k-row feed under a second to store. */
export const BLOCK_SIZE = 1000;
/** Blocks encoded between pauses: a few ms of work. */
const BLOCKS_PER_PAUSE = 4;

/**
 * One feed's offers as its columnar blocks, read in place: the index reads the few fields it keys
 * on without making objects, and `at` makes an `Offer` only for the offers a search returns. So
 * 600k offers in memory cost their strings and typed arrays, not 600k objects.
 */
export class OfferColumns {
	readonly length: number;
	/** Offers per block when every block but the last is full (then no search for the block). */
	private readonly stride: number;
	private readonly starts: number[] = [];

	constructor(readonly blocks: readonly ColumnarBlock[]) {
		let n = 0;
		for (const block of blocks) {
			this.starts.push(n);
			n += block.count;
		}
		this.length = n;
		const first = blocks[0]?.count ?? 0;
		const isUniform = blocks.every((b, i) => b.count === first || i === blocks.length - 1);
		this.stride = isUniform ? first : 0;
	}

	/** A feed's offers cut into blocks of `BLOCK_SIZE` in the columnar layout. */
	static fromOffers(importId: string, offers: readonly Offer[]): OfferColumns {
		const blocks: ColumnarBlock[] = [];
		for (let i = 0; i * BLOCK_SIZE < offers.length; i++) {
			blocks.push(encodeBlock(importId, i, offers.slice(i * BLOCK_SIZE, (i + 1) * BLOCK_SIZE)));
		}
		return new OfferColumns(blocks);
	}

	/**
	 * The same, pausing every few blocks: a 200k-row feed takes a few hundred ms to encode, and
	 * the worker answers searches meanwhile.
	 */
	static async encode(
		importId: string,
		offers: readonly Offer[],
		pause: () => Promise<void>
	): Promise<OfferColumns> {
		const blocks: ColumnarBlock[] = [];
		for (let i = 0; i * BLOCK_SIZE < offers.length; i++) {
			if (i > 0 && i % BLOCKS_PER_PAUSE === 0) await pause();
			blocks.push(encodeBlock(importId, i, offers.slice(i * BLOCK_SIZE, (i + 1) * BLOCK_SIZE)));
		}
		return new OfferColumns(blocks);
	}

	/** The block holding offer n, and n's place in it. */
	private locate(n: number): [ColumnarBlock, number] {
		let b: number;
		if (this.stride > 0) b = Math.floor(n / this.stride);
		else {
			let [lo, hi] = [0, this.starts.length - 1];
			while (lo < hi) {
				const mid = (lo + hi + 1) >>> 1;
				if ((this.starts[mid] as number) <= n) lo = mid;
				else hi = mid - 1;
			}
			b = lo;
		}
		const block = this.blocks[b];
		if (!block || n < 0 || n >= this.length) throw new RangeError(`No offer ${n}`);
		return [block, n - (this.starts[b] as number)];
	}

	at(n: number): Offer {
		const [block, i] = this.locate(n);
		return offerAt(block, i);
	}

	sku(n: number): string {
		const [block, i] = this.locate(n);
		return textAt(block.sku, i) ?? '';
	}
	mpn(n: number): string {
		const [block, i] = this.locate(n);
		return textAt(block.mpn, i) ?? '';
	}
	upc(n: number): string | undefined {
		const [block, i] = this.locate(n);
		return textAt(block.upc, i);
	}
	brand(n: number): string {
		const [block, i] = this.locate(n);
		return dictAt(block.brand, i) ?? '';
	}
	description(n: number): string {
		const [block, i] = this.locate(n);
		return textAt(block.description, i) ?? '';
	}

	/** Warehouse codes any offer names. */
	warehouseCodes(): Set<string> {
		return new Set(this.blocks.flatMap((b) => b.warehouses));
	}
}

/**
 * Builds a feed's blocks as its rows are read (a feed parse's sink): each row's fields go straight
 * into the columns of the block being built, which is closed every `BLOCK_SIZE` rows, so a parse
 * makes no offer object at all. The blocks are exactly those `fromOffers` makes of the same rows as
 * offers; the import's id, not known until the feed is stored, is stamped on by `finish`.
 */
export class OfferColumnsBuilder {
	private readonly blocks: ColumnarBlock[] = [];
	private readonly building = new BlockBuilder(BLOCK_SIZE);
	count = 0;

	/** `onBlock` hears of each full block as it is built (the import stores them as it reads). */
	constructor(private readonly onBlock?: (block: ColumnarBlock) => void) {}

	add(row: OfferRow): void {
		this.building.add(row);
		this.count++;
		if (this.building.size === BLOCK_SIZE) {
			const block = this.building.build('', this.blocks.length);
			this.blocks.push(block);
			this.onBlock?.(block);
		}
	}

	/** The blocks so far and the one being built, if any (the builder is left as it was). */
	private allBlocks(): ColumnarBlock[] {
		const { blocks, building } = this;
		return building.size > 0 ? [...blocks, building.build('', blocks.length, false)] : blocks;
	}

	/** The feed's columns under `importId` (the builder is left as it was). */
	finish(importId: string): OfferColumns {
		return new OfferColumns(this.allBlocks().map((block) => ({ ...block, importId })));
	}

	offers(): Offer[] {
		return this.allBlocks().flatMap(blockOffers);
	}
}
