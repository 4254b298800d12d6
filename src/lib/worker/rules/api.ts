import { z } from 'zod';
import { readSettings, writeSettings } from '$lib/db/writes';
import { normaliseBrand, normaliseMpn } from '$lib/domain/catalog';
import { DistributorId } from '$lib/domain/distributor';
import { err, ok } from '$lib/domain/result';
import { dropShipEverything, Warehouse, withDefaultWarehouses } from '$lib/domain/rules';
import type { ApiDeps } from '../core/deps';
import { handler } from '../core/handler';

/** Where "Drop-ship everything" keeps the rules it replaced, for Undo. */
export const RULES_UNDO_KEY = 'rulesUndo';

const Days = z.number().int().min(0).max(90);
const Cents = z.number().int().nonnegative().max(99_999_999);

export function rulesApi(deps: ApiDeps) {
	const run = deps.writes.run;
	return {
		/**
		 * Sets one warehouse's lead time, cutoff or both; a lead time makes a new warehouse (from a
		 * feed) the dealer's own. `not_found` for a warehouse no rule or feed names.
		 */
		updateWarehouse: handler(
			z.object({ id: z.string(), leadTimeDays: Days.optional(), cutoffCents: Cents.optional() }),
			(input) =>
				run(async () => {
					const all = withDefaultWarehouses(await deps.db.warehouses.toArray());
					const current = all.find((w) => w.id === input.id);
					if (!current) return err('not_found', 'No such warehouse.');
					const { isNew, ...rest } = current;
					// A field left out keeps its value; `isNew` goes once the dealer sets a lead time.
					const next = Warehouse.parse({
						...rest,
						...(input.leadTimeDays === undefined
							? { isNew }
							: { leadTimeDays: input.leadTimeDays }),
						...(input.cutoffCents === undefined ? {} : { cutoffCents: input.cutoffCents })
					});
					await deps.db.warehouses.put(next);
					return ok(next);
				})
		),

		/**
		 * Adds or changes an override for one product (brand + MPN) or a whole brand.
		 * `validation` when it names no product or brand, or changes nothing.
		 */
		setOverride: handler(
			z.object({
				id: z.string().optional(),
				kind: z.enum(['product', 'brand']),
				brand: z.string().trim().min(1, 'is required'),
				mpn: z.string().trim().optional(),
				distributorId: DistributorId.optional(),
				leadTimeDays: Days.optional(),
				cutoffCents: Cents.optional()
			}),
			(input) =>
				run(async () => {
					if (input.kind === 'product' && !normaliseMpn(input.mpn ?? ''))
						return err('validation', 'A product override needs its part number.', { field: 'mpn' });
					if (input.leadTimeDays === undefined && input.cutoffCents === undefined)
						return err('validation', 'Set a lead time, a cutoff or both.', {
							field: 'leadTimeDays'
						});
					const brand = normaliseBrand(input.brand);
					const aliased = (await deps.db.brandAliases.get(brand))?.brand ?? brand;
					const key =
						input.kind === 'brand' ? aliased : `${aliased}|${normaliseMpn(input.mpn ?? '')}`;
					const override = {
						id: input.id ?? deps.newId(),
						kind: input.kind,
						key,
						distributorId: input.distributorId,
						leadTimeDays: input.leadTimeDays,
						cutoffCents: input.cutoffCents
					};
					await deps.db.ruleOverrides.put(override);
					return ok(override);
				})
		),

		/** Never fails: removing an override that is gone does nothing. */
		removeOverride: handler(z.object({ id: z.string() }), (input) =>
			run(async () => {
				await deps.db.ruleOverrides.delete(input.id);
				return ok();
			})
		),

		/** The tie-break order between distributors. `validation` unless all four appear once. */
		setPreference: handler(z.object({ preference: z.array(DistributorId).length(4) }), (input) =>
			run(async () => {
				if (new Set(input.preference).size !== 4)
					return err('validation', 'Each distributor must appear once in the order.');
				const settings = await readSettings(deps.db);
				await writeSettings(deps.db, { ...settings, preference: input.preference });
				return ok(input.preference);
			})
		),

		/** All cutoffs $1.00 and all lead times 1 day; the rules it replaced are kept for Undo. */
		dropShipEverything: handler(z.object({}), () =>
			run(async () => {
				const current = withDefaultWarehouses(await deps.db.warehouses.toArray());
				await deps.db.transaction('rw', deps.db.warehouses, deps.db.settings, async () => {
					// A second press keeps the first snapshot: Undo returns to the dealer's own rules.
					if (!(await deps.db.settings.get(RULES_UNDO_KEY)))
						await deps.db.settings.put({ key: RULES_UNDO_KEY, value: current });
					await deps.db.warehouses.bulkPut(dropShipEverything(current));
				});
				return ok();
			})
		),

		/** Puts back the rules "Drop-ship everything" replaced. `not_found` when there is nothing to undo. */
		undoDropShipEverything: handler(z.object({}), () =>
			run(async () => {
				const saved = z
					.array(Warehouse)
					.safeParse((await deps.db.settings.get(RULES_UNDO_KEY))?.value);
				if (!saved.success) return err('not_found', 'There is nothing to undo.');
				await deps.db.transaction('rw', deps.db.warehouses, deps.db.settings, async () => {
					await deps.db.warehouses.bulkPut(saved.data);
					await deps.db.settings.delete(RULES_UNDO_KEY);
				});
				return ok();
			})
		)
	};
}
