import { accountGap, hasCredentials, type DistributorAccount } from './account';
import { normaliseBrand, type Offer } from './catalog';
import { DISTRIBUTORS, type DistributorId } from './distributor';
import type { DropshipOption } from './dropship-option';
import { formatCents } from './money';
import { NEVER_CUTOFF_CENTS, type RuleOverride, type Warehouse } from './rules';
import { shipToProblem } from './ship-to';

/**
 * Drop-ship eligibility of one order item, offer by offer (distributors.md §1, PSS rules): an
 * offer qualifies when one warehouse has the stock in the latest feed, ships within a day and the
 * item's price reaches that warehouse's cutoff, the distributor is on with credentials, and the
 * item has no PO yet, the store lets the order ship (paid, open, not fulfilled there; the line
 * ships) and the distributor is known to ship to the address's country. Pure: the worker gathers
 * the inputs, the page only shows the words.
 */

/** Lead time the rules accept for drop-ship: tracking owed within one day. */
export const MAX_DROPSHIP_LEAD_DAYS = 1;

export interface EligibilityItem {
	quantity: number;
	/** The selling price of one unit: the cutoff compares against it. */
	unitPriceCents: number;
	/** The PO number the item is already on, if any (one drop-ship per item). */
	poNumber?: string;
	/**
	 * Why the store's state or the line itself keeps it from shipping (storeHold, lineHold), in
	 * words: it speaks for every offer.
	 */
	hold?: string;
	/** The ship-to address's country (ISO two letters); absent reads as US. */
	country?: string;
}

export interface EligibilityContext {
	warehouses: readonly Warehouse[];
	overrides: readonly RuleOverride[];
	accounts: readonly Pick<DistributorAccount, 'id' | 'isEnabled' | 'credentials'>[];
	preference: readonly DistributorId[];
	/** The product key (canonical brand|MPN) and canonical brand the overrides are keyed by. */
	productKey?: string;
	brand?: string;
	/**
	 * How each distributor's latest feed reads in words ("the feed of today 06:10"), for "out of
	 * stock in …": an offer is as old as its own distributor's feed, not the newest one.
	 */
	feedLabels?: Partial<Record<DistributorId, string>>;
}

export interface ChosenWarehouse {
	code: string;
	/** A warehouse from a feed the dealer has not set a lead time for yet. */
	isNew?: boolean;
	name: string;
	quantity: number;
	leadTimeDays: number;
	cutoffCents: number;
}

export interface OfferVerdict {
	offer: Offer;
	isEligible: boolean;
	/** Why not, or where from, in the dealer's words. */
	reason: string;
	warehouse?: ChosenWarehouse;
	landedCostCents: number;
	/** 1 = the first choice; only eligible offers are ranked. */
	rank?: number;
	rankReason?: string;
}

/** "Fresno, CA" reads as "Fresno" in a sentence. */
export const shortName = (name: string): string => name.split(',')[0]?.trim() || name;

export function landedCost(offer: Pick<Offer, 'costCents' | 'dropShipFeeCents'>): number {
	return offer.costCents + (offer.dropShipFeeCents ?? 0);
}

/** Warehouse rules with the dealer's overrides applied: product beats brand beats warehouse. */
export function effectiveRule(
	warehouse: Warehouse,
	ctx: Pick<EligibilityContext, 'overrides' | 'productKey' | 'brand'>
): { leadTimeDays: number; cutoffCents: number } {
	const applies = (o: RuleOverride) =>
		!o.distributorId || o.distributorId === warehouse.distributorId;
	const brand = ctx.brand ? normaliseBrand(ctx.brand) : undefined;
	const byBrand = ctx.overrides.find((o) => o.kind === 'brand' && o.key === brand && applies(o));
	const byProduct = ctx.overrides.find(
		(o) => o.kind === 'product' && o.key === ctx.productKey && applies(o)
	);
	return {
		leadTimeDays: byProduct?.leadTimeDays ?? byBrand?.leadTimeDays ?? warehouse.leadTimeDays,
		cutoffCents: byProduct?.cutoffCents ?? byBrand?.cutoffCents ?? warehouse.cutoffCents
	};
}

function stockedWarehouses(offer: Offer, ctx: EligibilityContext): ChosenWarehouse[] {
	const result: ChosenWarehouse[] = [];
	for (const [code, quantity] of Object.entries(offer.stock)) {
		if (quantity <= 0) continue;
		const warehouse = ctx.warehouses.find(
			(w) => w.distributorId === offer.distributorId && w.code === code
		);
		// A warehouse with no rule, or a new one the dealer has not set, is never chosen blindly:
		// it reads as "no rule" or "new" below.
		if (!warehouse || warehouse.isNew) {
			const name = warehouse?.name ?? code;
			const isNew = warehouse?.isNew;
			result.push({ code, name, quantity, leadTimeDays: Infinity, cutoffCents: Infinity, isNew });
			continue;
		}
		result.push({ code, name: warehouse.name, quantity, ...effectiveRule(warehouse, ctx) });
	}
	// The best candidate first: shortest lead time, then most stock.
	return result.sort((a, b) => a.leadTimeDays - b.leadTimeDays || b.quantity - a.quantity);
}

function whyNot(w: ChosenWarehouse, item: EligibilityItem): string | null {
	const place = shortName(w.name);
	if (w.isNew) return `${place} has ${w.quantity} but is new: set its lead time in Inventory rules`;
	if (!Number.isFinite(w.leadTimeDays))
		return `${place} has ${w.quantity} but has no inventory rule`;
	if (w.quantity < item.quantity)
		return `${place} has ${w.quantity} but ${item.quantity} are ordered`;
	if (w.leadTimeDays > MAX_DROPSHIP_LEAD_DAYS)
		return `${place} has ${w.quantity} but lead time is ${w.leadTimeDays} days`;
	if (w.cutoffCents >= NEVER_CUTOFF_CENTS) return `${place} never drop-ships (cutoff $9,999)`;
	if (item.unitPriceCents < w.cutoffCents)
		return `below the ${formatCents(w.cutoffCents)} cutoff at ${place}`;
	return null;
}

/** One offer's verdict, before ranking. */
export function judgeOffer(
	offer: Offer,
	item: EligibilityItem,
	ctx: EligibilityContext
): OfferVerdict {
	const name = DISTRIBUTORS[offer.distributorId].name;
	const base = { offer, landedCostCents: landedCost(offer) };
	const no = (reason: string): OfferVerdict => ({ ...base, isEligible: false, reason });
	if (item.hold) return no(item.hold);
	const account = ctx.accounts.find((a) => a.id === offer.distributorId);
	if (!account || !hasCredentials(account)) return no(`no ${name} credentials`);
	const gap = accountGap(account);
	if (gap) return no(gap);
	if (!account.isEnabled) return no(`${name} is turned off in Settings`);
	if (item.poNumber) return no(`already on PO ${item.poNumber}`);
	const shipTo = shipToProblem(offer.distributorId, item.country ?? 'US');
	if (shipTo) return no(shipTo);
	const stocked = stockedWarehouses(offer, ctx);
	const feed = ctx.feedLabels?.[offer.distributorId] ?? `the ${name} feed`;
	if (stocked.length === 0) return no(`out of stock in ${feed}`);
	const reasons: string[] = [];
	for (const w of stocked) {
		const reason = whyNot(w, item);
		if (reason === null) {
			return {
				...base,
				isEligible: true,
				reason: `${w.quantity} at ${shortName(w.name)}, ships in ${w.leadTimeDays} day`,
				warehouse: w
			};
		}
		reasons.push(reason);
	}
	// Every stocked warehouse failed: the best one's reason speaks for the offer.
	return { ...no(reasons[0] ?? 'not drop-shippable'), warehouse: stocked[0] };
}

const ORDINALS = ['1st', '2nd', '3rd'];
const ordinal = (n: number) => ORDINALS[n - 1] ?? `${n}th`;

/**
 * Every offer judged, eligible ones ranked: in stock, then the dealer's preference order, then the
 * lowest landed cost (cost + drop-ship fee). Eligible first, in rank order; the rest after.
 */
export function evaluateOffers(
	offers: readonly Offer[],
	item: EligibilityItem,
	ctx: EligibilityContext
): OfferVerdict[] {
	const verdicts = offers.map((offer) => judgeOffer(offer, item, ctx));
	const order = (id: DistributorId) => {
		const i = ctx.preference.indexOf(id);
		return i < 0 ? ctx.preference.length : i;
	};
	const eligible = verdicts
		.filter((v) => v.isEligible)
		.sort(
			(a, b) =>
				order(a.offer.distributorId) - order(b.offer.distributorId) ||
				a.landedCostCents - b.landedCostCents
		);
	eligible.forEach((v, i) => {
		v.rank = i + 1;
		v.rankReason = explainRank(v, i === 0 ? undefined : eligible[i - 1], order);
	});
	return [...eligible, ...verdicts.filter((v) => !v.isEligible)];
}

function explainRank(
	v: OfferVerdict,
	before: OfferVerdict | undefined,
	order: (id: DistributorId) => number
): string {
	const name = DISTRIBUTORS[v.offer.distributorId].name;
	const cost = formatCents(v.landedCostCents);
	if (!before)
		return `${ordinal(1)}: in stock, ${name} comes first in your preference order (${cost} landed)`;
	const prev = DISTRIBUTORS[before.offer.distributorId].name;
	const n = ordinal(v.rank ?? 0);
	if (order(v.offer.distributorId) > order(before.offer.distributorId))
		return `${n}: ${name} comes after ${prev} in your preference order`;
	return `${n}: landed cost ${cost} against ${formatCents(before.landedCostCents)}`;
}

/** The Dropship dialog's view of a verdict. */
export function toDropshipOption(v: OfferVerdict): DropshipOption {
	return {
		distributorId: v.offer.distributorId,
		sku: v.offer.sku,
		description: v.offer.description,
		costCents: v.offer.costCents,
		dropShipFeeCents: v.offer.dropShipFeeCents ?? 0,
		stock: Object.values(v.offer.stock).reduce((s, q) => s + q, 0),
		warehouse: v.warehouse?.name,
		leadTimeDays: Number.isFinite(v.warehouse?.leadTimeDays ?? NaN)
			? (v.warehouse?.leadTimeDays ?? 0)
			: 0,
		isEligible: v.isEligible,
		reason: v.rankReason ?? v.reason
	};
}
