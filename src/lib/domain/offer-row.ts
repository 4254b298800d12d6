import type { Offer } from './catalog';
import type { DistributorId } from './distributor';

/**
 * One offer as a feed row gives it, in a record a parse fills again for every row: a 200k-row
 * feed then makes no object per row, and the importer copies the fields straight into its storage
 * columns (making and dropping 200k `Offer`s was most of an import's garbage). `toOffer` makes the
 * object for the readers that want one.
 *
 * Every row of one parse has the same warehouses (the feed's header names them), each with a
 * quantity; optional fields are undefined where the row has none.
 */
export class OfferRow {
	sku = '';
	brand = '';
	mpn = '';
	description = '';
	costCents = 0;
	upc: string | undefined = undefined;
	msrpCents: number | undefined = undefined;
	mapCents: number | undefined = undefined;
	dropShipFeeCents: number | undefined = undefined;
	status: string | undefined = undefined;
	/**
	 * Warehouse codes without repeats, in the order `Object.keys` lists an offer's stock (codes that
	 * read as array indexes first, ascending; then as given): the order storage blocks keep them in.
	 */
	readonly warehouses: readonly string[];
	/** Quantity at each of `warehouses`, in that order. */
	readonly stock: Float64Array;

	constructor(
		readonly distributorId: DistributorId,
		warehouseCodes: readonly string[]
	) {
		this.warehouses = Object.keys(Object.fromEntries(warehouseCodes.map((code) => [code, 0])));
		this.stock = new Float64Array(this.warehouses.length);
	}

	/** Where warehouse `code` sits in `stock`. */
	slot(code: string): number {
		return this.warehouses.indexOf(code);
	}

	/** Blank again for the next row: optional fields absent, every quantity 0. */
	clear(): void {
		this.sku = this.brand = this.mpn = this.description = '';
		this.costCents = 0;
		this.upc = this.status = undefined;
		this.msrpCents = this.mapCents = this.dropShipFeeCents = undefined;
		for (let w = 0; w < this.stock.length; w++) this.stock[w] = 0; // `fill` is a builtin call
	}

	/** The row as an offer: the optional fields only where present. */
	toOffer(): Offer {
		const stock: Record<string, number> = {};
		this.warehouses.forEach((code, w) => (stock[code] = this.stock[w] as number));
		const offer: Offer = {
			distributorId: this.distributorId,
			sku: this.sku,
			brand: this.brand,
			mpn: this.mpn,
			description: this.description,
			costCents: this.costCents,
			stock
		};
		if (this.upc !== undefined) offer.upc = this.upc;
		if (this.msrpCents !== undefined) offer.msrpCents = this.msrpCents;
		if (this.mapCents !== undefined) offer.mapCents = this.mapCents;
		if (this.dropShipFeeCents !== undefined) offer.dropShipFeeCents = this.dropShipFeeCents;
		if (this.status !== undefined) offer.status = this.status;
		return offer;
	}
}
