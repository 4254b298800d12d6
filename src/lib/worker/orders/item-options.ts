import { readSettings } from '$lib/db/writes';
import type { DropshipOption } from '$lib/domain/dropship-option';
import {
	evaluateOffers,
	toDropshipOption,
	type EligibilityContext,
	type OfferVerdict
} from '$lib/domain/eligibility';
import {
	canonicalBrand,
	canonicalProductKey,
	findOffersForItem,
	type MatchedBy
} from '$lib/domain/matching';
import { feedAge, type FeedImport } from '$lib/domain/catalog';
import type { DistributorId } from '$lib/domain/distributor';
import { isLive, openQuantity } from '$lib/domain/fulfilment';
import { lineHold, type OrderItem } from '$lib/domain/order';
import { storeHold } from '$lib/domain/store-state';
import { withDefaultWarehouses } from '$lib/domain/rules';
import type { ApiDeps } from '../core/deps';
import type { CatalogIndex } from '../catalog/offer-index';

export interface ItemOptions {
	orderItemId: string;
	matchedBy: MatchedBy;
	/** Why the store or the line keeps the item from any drop-ship, whatever the offers say. */
	hold?: string;
	verdicts: OfferVerdict[];
	options: DropshipOption[];
}

/**
 * Each item's offers judged by the inventory rules. The rules, accounts and settings are read
 * once for the whole batch (the Orders list asks for every open item).
 */
export async function optionsForItems(
	deps: Pick<ApiDeps, 'db' | 'now'>,
	index: CatalogIndex,
	items: readonly OrderItem[]
): Promise<ItemOptions[]> {
	const ids = items.map((i) => i.id);
	const [stored, overrides, accounts, settings, lines, orders, feeds] = await Promise.all([
		deps.db.warehouses.toArray(),
		deps.db.ruleOverrides.toArray(),
		deps.db.distributors.toArray(),
		readSettings(deps.db),
		deps.db.poLines.where('orderItemId').anyOf(ids).toArray(),
		deps.db.orders.bulkGet([...new Set(items.map((i) => i.orderId))]),
		deps.db.feedImports.where('state').equals('complete').toArray()
	]);
	const orderOf = new Map(orders.flatMap((o) => (o ? [[o.id, o] as const] : [])));
	const policy = { isAuthorizedShippable: settings.isAuthorizedShippable };
	const pos = (await deps.db.purchaseOrders.bulkGet([...new Set(lines.map((l) => l.poId))])).filter(
		(po) => po !== undefined
	);
	const shared: EligibilityContext = {
		warehouses: withDefaultWarehouses(stored),
		overrides,
		accounts,
		preference: settings.preference,
		feedLabels: feedLabels(feeds, deps.now())
	};
	return items.map((item) => {
		const order = orderOf.get(item.orderId);
		const hold = storeHold(order?.storeState, policy) ?? lineHold(item) ?? undefined;
		// A line with no SKU has nothing to look up: a blank would match nothing anyway.
		const { offers, matchedBy } = item.sku
			? findOffersForItem(item, index)
			: { offers: [], matchedBy: 'none' as const };
		const first = offers[0];
		const brand = item.brand ?? first?.brand;
		// The same rule as the order's fulfilment (domain/fulfilment.ts): a PO the distributor
		// cancelled, or a split that covers part of the item, leaves the rest to drop-ship.
		const itemLines = lines.filter((l) => l.orderItemId === item.id);
		const open = openQuantity(item, pos, itemLines);
		const coveringPo = pos.find((po) => isLive(po) && itemLines.some((l) => l.poId === po.id));
		const verdicts = evaluateOffers(
			offers,
			{
				quantity: open > 0 ? open : item.quantity,
				unitPriceCents: item.unitPriceCents,
				poNumber: open > 0 ? undefined : coveringPo?.poNumber,
				...(hold ? { hold } : {}),
				country: order?.shipTo.country ?? 'US'
			},
			{
				...shared,
				brand: brand ? canonicalBrand(brand, index.aliases) : undefined,
				productKey: first ? canonicalProductKey(first, index.aliases) : undefined
			}
		);
		return {
			orderItemId: item.id,
			matchedBy,
			...(hold ? { hold } : {}),
			verdicts,
			options: verdicts.map(toDropshipOption)
		};
	});
}

/** "the feed of today 06:10" per distributor, from its latest complete import. */
function feedLabels(
	feeds: readonly FeedImport[],
	now: Date
): Partial<Record<DistributorId, string>> {
	const latest = new Map<DistributorId, string>();
	for (const feed of feeds) {
		const at = feed.finishedAt ?? feed.startedAt;
		const seen = latest.get(feed.distributorId);
		if (!seen || at > seen) latest.set(feed.distributorId, at);
	}
	return Object.fromEntries(
		[...latest].map(([id, at]) => [id, `the feed of ${feedAge(at, now).label}`])
	);
}
