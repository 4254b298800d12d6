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
import type { OrderItem } from '$lib/domain/order';
import { withDefaultWarehouses } from '$lib/domain/rules';
import type { ApiDeps } from '../core/deps';
import type { CatalogIndex } from '../catalog/offer-index';

/** A PO in these states no longer holds its item: the item may be drop-shipped again. */
const CLOSED_PO_STATES = new Set(['failed', 'cancelled']);

export interface ItemOptions {
	orderItemId: string;
	matchedBy: MatchedBy;
	verdicts: OfferVerdict[];
	options: DropshipOption[];
}

/**
 * Each item's offers judged by the inventory rules. The rules, accounts and settings are read
 * once for the whole batch (the Orders list asks for every open item).
 */
export async function optionsForItems(
	deps: Pick<ApiDeps, 'db'>,
	index: CatalogIndex,
	items: readonly OrderItem[]
): Promise<ItemOptions[]> {
	const ids = items.map((i) => i.id);
	const [stored, overrides, accounts, settings, lines] = await Promise.all([
		deps.db.warehouses.toArray(),
		deps.db.ruleOverrides.toArray(),
		deps.db.distributors.toArray(),
		readSettings(deps.db),
		deps.db.poLines.where('orderItemId').anyOf(ids).toArray()
	]);
	const pos = await deps.db.purchaseOrders.bulkGet([...new Set(lines.map((l) => l.poId))]);
	const openPo = new Map<string, string>();
	for (const line of lines) {
		const po = pos.find((p) => p?.id === line.poId);
		if (po && !CLOSED_PO_STATES.has(po.state)) openPo.set(line.orderItemId, po.poNumber);
	}
	const shared: EligibilityContext = {
		warehouses: withDefaultWarehouses(stored),
		overrides,
		accounts,
		preference: settings.preference
	};
	return items.map((item) => {
		const { offers, matchedBy } = findOffersForItem(item, index);
		const first = offers[0];
		const brand = item.brand ?? first?.brand;
		const verdicts = evaluateOffers(
			offers,
			{
				quantity: item.quantity,
				unitPriceCents: item.unitPriceCents,
				poNumber: openPo.get(item.id)
			},
			{
				...shared,
				brand: brand ? canonicalBrand(brand, index.aliases) : undefined,
				productKey: first ? canonicalProductKey(first, index.aliases) : undefined
			}
		);
		return { orderItemId: item.id, matchedBy, verdicts, options: verdicts.map(toDropshipOption) };
	});
}
