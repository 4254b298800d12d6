import { DATA_LOSS_KEY, LOOKBACK_DAYS, type DataLossReport } from '$lib/domain/data-loss';
import { DISTRIBUTOR_IDS } from '$lib/domain/distributor';
import { readSettings } from '$lib/db/writes';
import { writeSetting } from '$lib/db/setting-rows';
import { adapterFor } from '../core/adapters';
import type { ApiDeps } from '../core/deps';

/**
 * Browser storage can be wiped under the dealer (cleared site data, eviction, a new profile):
 * the distributors still hold every order we placed. Comparing their recent order lists with our
 * POs tells the dealer that data is missing, before they place a second order for something they
 * already drop-shipped.
 */

/**
 * Asks every distributor with saved credentials for its orders of the last 60 days and lists the
 * ones with our PO prefix we have no PO for. With `onlyIfEmpty`, asks only when this browser has
 * no PO at all (the start-up check: a wiped profile), so a normal start costs no calls. The
 * report is kept in settings so every page and tab shows it.
 */
export async function checkForDataLoss(
	deps: ApiDeps,
	options: { onlyIfEmpty?: boolean } = {}
): Promise<DataLossReport | null> {
	if (options.onlyIfEmpty && (await deps.db.purchaseOrders.count()) > 0) return null;
	const settings = await readSettings(deps.db);
	const prefix = settings.dealer.poPrefix.toUpperCase();
	const now = deps.now();
	const from = new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000);
	const known = new Set(
		(await deps.db.purchaseOrders.toArray()).map((p) => p.poNumber.toUpperCase())
	);
	const report: DataLossReport = { checkedAt: now.toISOString(), missing: [], notChecked: [] };
	for (const distributorId of DISTRIBUTOR_IDS) {
		if (!(await deps.db.distributors.get(distributorId))) continue;
		const adapter = await adapterFor(deps, distributorId, { requireEnabled: false });
		if (!adapter.ok) {
			report.notChecked.push({ distributorId, reason: adapter.error.message });
			continue;
		}
		const listed = await adapter.value.listRecentOrders(from, now);
		if (!listed.ok) {
			report.notChecked.push({ distributorId, reason: listed.error.message });
			continue;
		}
		const poNumbers = listed.value
			.map((o) => o.poNumber.toUpperCase())
			.filter((po) => po.startsWith(prefix) && !known.has(po))
			.sort();
		if (poNumbers.length > 0) report.missing.push({ distributorId, poNumbers });
	}
	await deps.writes.run(() => writeSetting(deps.db, DATA_LOSS_KEY, report));
	return report;
}
