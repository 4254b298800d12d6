import type { OfferRow } from '$lib/domain/offer-row';
import {
	COLUMNAR_FORMAT,
	keyHashes,
	numberColumnOf,
	type ColumnarBlock,
	type DictColumn,
	type TextColumn
} from './catalog-blocks';

/**
 * Builds one columnar block from feed rows as they are read, with no `Offer` per row: each row's
 * fields go straight into per-field columns (strings into arrays joined once per block, numbers
 * into reused typed arrays, few-valued strings into per-block dictionaries). The block is exactly
 * what `encodeBlock` makes of the same rows as offers (`OfferRow.toOffer`): same fields in the same
 * order, same typed arrays, same bytes stored.
 */
export class BlockBuilder {
	private n = 0;
	private warehouses: readonly string[] = [];
	private readonly distributorId: DictBuilder;
	private readonly sku: TextBuilder;
	private readonly brand: DictBuilder;
	private readonly mpn: TextBuilder;
	private readonly upc: TextBuilder;
	private readonly description: TextBuilder;
	/** Cents of each row, NaN where absent (as `numberColumnOf` reads them). */
	private readonly costCents: Float64Array;
	private readonly msrpCents: Float64Array;
	private readonly mapCents: Float64Array;
	private readonly dropShipFeeCents: Float64Array;
	private readonly status: DictBuilder;
	/** Quantity of row i at warehouse w at i * warehouses + w, as blocks store them. */
	private stock = new Float64Array(0);

	constructor(readonly capacity: number) {
		this.distributorId = new DictBuilder(capacity);
		this.sku = new TextBuilder(capacity);
		this.brand = new DictBuilder(capacity);
		this.mpn = new TextBuilder(capacity);
		this.upc = new TextBuilder(capacity);
		this.description = new TextBuilder(capacity);
		this.costCents = new Float64Array(capacity);
		this.msrpCents = new Float64Array(capacity);
		this.mapCents = new Float64Array(capacity);
		this.dropShipFeeCents = new Float64Array(capacity);
		this.status = new DictBuilder(capacity);
	}

	get size(): number {
		return this.n;
	}

	/** Copies the row's values in (the caller fills the same row again next). */
	add(row: OfferRow): void {
		const i = this.n;
		if (i === this.capacity) throw new RangeError('The block is full: build it first.');
		const codes = row.warehouses.length;
		if (i === 0) {
			this.warehouses = row.warehouses;
			if (this.stock.length < this.capacity * codes)
				this.stock = new Float64Array(this.capacity * codes);
		} else if (row.warehouses !== this.warehouses) {
			// One parse fills one row record; rows with other warehouses would need another layout.
			throw new Error('Rows of one block must share their warehouses.');
		}
		this.distributorId.add(i, row.distributorId);
		this.sku.add(i, row.sku);
		this.brand.add(i, row.brand);
		this.mpn.add(i, row.mpn);
		this.upc.add(i, row.upc);
		this.description.add(i, row.description);
		this.costCents[i] = row.costCents;
		this.msrpCents[i] = row.msrpCents ?? NaN;
		this.mapCents[i] = row.mapCents ?? NaN;
		this.dropShipFeeCents[i] = row.dropShipFeeCents ?? NaN;
		this.status.add(i, row.status);
		// By hand: `set` is a builtin call, costly for the few quantities of one row.
		const { stock } = row;
		for (let w = 0, at = i * codes; w < codes; w++, at++) this.stock[at] = stock[w] as number;
		this.n = i + 1;
	}

	/** The block of the rows added since the last build; with `isReset` the builder starts over. */
	build(importId: string, blockNo: number, isReset = true): ColumnarBlock {
		const n = this.n;
		const block: ColumnarBlock = {
			importId,
			blockNo,
			format: COLUMNAR_FORMAT,
			count: n,
			distributorId: this.distributorId.build(n, isReset),
			sku: this.sku.build(n, isReset),
			brand: this.brand.build(n, isReset),
			mpn: this.mpn.build(n, isReset),
			upc: this.upc.build(n, isReset),
			description: this.description.build(n, isReset),
			costCents: numberColumnOf(this.costCents, n),
			msrpCents: numberColumnOf(this.msrpCents, n),
			mapCents: numberColumnOf(this.mapCents, n),
			dropShipFeeCents: numberColumnOf(this.dropShipFeeCents, n),
			status: this.status.build(n, isReset),
			warehouses: n > 0 ? [...this.warehouses] : [],
			stock: numberColumnOf(this.stock, n * this.warehouses.length)
		};
		block.keys = keyHashes(block);
		if (isReset) this.n = 0;
		return block;
	}
}

/** A text column: the strings kept until the block is built, then joined once. */
class TextBuilder {
	private values: string[] = [];
	/** Length of each value, NaN where absent. */
	private readonly lengths: Float64Array;

	constructor(capacity: number) {
		this.lengths = new Float64Array(capacity);
	}

	/** Row i's value: rows come in order, 0 after each build. */
	add(i: number, value: string | undefined): void {
		this.values.push(value ?? '');
		this.lengths[i] = value === undefined ? NaN : value.length;
	}

	build(n: number, isReset: boolean): TextColumn {
		const column = { text: this.values.join(''), lengths: numberColumnOf(this.lengths, n) };
		if (isReset) this.values = [];
		return column;
	}
}

/** A dictionary column: each distinct value once per block, in order of first appearance. */
class DictBuilder {
	private ids = new Map<string, number>();
	private readonly index: Float64Array;
	/** The last value added and its id: feeds repeat a brand or status row after row. */
	private last: string | undefined = undefined;
	private lastId = NaN;

	constructor(capacity: number) {
		this.index = new Float64Array(capacity);
	}

	add(i: number, value: string | undefined): void {
		if (value === undefined || value === this.last) {
			this.index[i] = value === undefined ? NaN : this.lastId;
			return;
		}
		let id = this.ids.get(value);
		if (id === undefined) this.ids.set(value, (id = this.ids.size));
		this.index[i] = id;
		this.last = value;
		this.lastId = id;
	}

	build(n: number, isReset: boolean): DictColumn {
		const column = { values: [...this.ids.keys()], index: numberColumnOf(this.index, n) };
		if (isReset) {
			this.ids = new Map();
			this.last = undefined;
		}
		return column;
	}
}
