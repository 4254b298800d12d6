import { z } from 'zod';
import { DistributorId } from './distributor';

/** A cutoff of $9,999 means "never drop-ship from here". */
export const NEVER_CUTOFF_CENTS = 999_900;

export const Warehouse = z.object({
	/** `${distributorId}:${code}` */
	id: z.string(),
	distributorId: DistributorId,
	code: z.string(),
	name: z.string(),
	/** Days until tracking is owed. 1 = drop-shippable; more = not. */
	leadTimeDays: z.number().int().min(0).max(90),
	/** Items priced below this are not drop-shipped from this warehouse. */
	cutoffCents: z.number().int().nonnegative(),
	/**
	 * Named by a feed or a stock answer, not by the rules: never chosen (whatever an override says)
	 * until the dealer sets its lead time. Absent once the dealer has.
	 */
	isNew: z.literal(true).optional()
});
export type Warehouse = z.infer<typeof Warehouse>;

export const RuleOverride = z.object({
	id: z.string(),
	kind: z.enum(['product', 'brand']),
	/** A product key (brand|MPN) or a normalised brand name. */
	key: z.string().min(1),
	distributorId: DistributorId.optional(),
	leadTimeDays: z.number().int().min(0).max(90).optional(),
	cutoffCents: z.number().int().nonnegative().optional()
});
export type RuleOverride = z.infer<typeof RuleOverride>;

/** "Drop-ship everything": all cutoffs $1.00 and all lead times 1 day. */
export function dropShipEverything(warehouses: readonly Warehouse[]): Warehouse[] {
	return warehouses.map((w) => ({ ...w, cutoffCents: 100, leadTimeDays: 1 }));
}

/** The distributors' real warehouses (distributors.md §2.1, §3.2, §4.2). */
export const KNOWN_WAREHOUSES: readonly Pick<Warehouse, 'distributorId' | 'code' | 'name'>[] = [
	{ distributorId: 'wps', code: 'ID', name: 'Boise, ID' },
	{ distributorId: 'wps', code: 'CA', name: 'Fresno, CA' },
	{ distributorId: 'wps', code: 'GA', name: 'Midway, GA' },
	{ distributorId: 'wps', code: 'IN', name: 'Ashley, IN' },
	{ distributorId: 'wps', code: 'PA', name: 'Elizabethtown, PA' },
	{ distributorId: 'wps', code: 'PA2', name: 'Jessup, PA' },
	{ distributorId: 'wps', code: 'TX', name: 'Midlothian, TX' },
	{ distributorId: 'pu', code: 'WI', name: 'Wisconsin' },
	{ distributorId: 'pu', code: 'NY', name: 'New York' },
	{ distributorId: 'pu', code: 'TX', name: 'Texas' },
	{ distributorId: 'pu', code: 'NV', name: 'Nevada' },
	{ distributorId: 'pu', code: 'NC', name: 'North Carolina' },
	{ distributorId: 'tucker', code: 'TX', name: 'Texas DC' },
	{ distributorId: 'tucker', code: 'PA', name: 'Pennsylvania DC' },
	{ distributorId: 'tucker', code: 'OR', name: 'Oregon DC' },
	{ distributorId: 'tucker', code: 'CO', name: 'Colorado DC' },
	{ distributorId: 'tucker', code: 'FL', name: 'Florida DC' },
	{ distributorId: 'tucker', code: 'IL', name: 'Illinois DC' },
	{ distributorId: 'tucker', code: 'CA', name: 'California DC' },
	// Automatic's warehouse codes are not public (distributors.md §5.3): one placeholder.
	{ distributorId: 'automatic', code: 'MAIN', name: 'Automatic main warehouse' }
];

/** A warehouse the dealer has not set up yet ships in a day with no cutoff, as PSS starts out. */
export const DEFAULT_RULE = { leadTimeDays: 1, cutoffCents: 0 } as const;

/** Every known warehouse with the dealer's rule where one is stored, the default otherwise. */
export function withDefaultWarehouses(stored: readonly Warehouse[]): Warehouse[] {
	const byId = new Map(stored.map((w) => [w.id, w]));
	const known = KNOWN_WAREHOUSES.map((w) => {
		const id = `${w.distributorId}:${w.code}`;
		return byId.get(id) ?? { ...w, id, ...DEFAULT_RULE };
	});
	const knownIds = new Set(known.map((w) => w.id));
	return [...known, ...stored.filter((w) => !knownIds.has(w.id))];
}

/**
 * The warehouses a feed or stock answer names that neither the known list nor the dealer's rules
 * have: new rows, named by their code, shown as new until the dealer sets a lead time.
 */
export function newWarehouses(
	distributorId: DistributorId,
	codes: Iterable<string>,
	stored: readonly Pick<Warehouse, 'id'>[]
): Warehouse[] {
	const have = new Set(withDefaultWarehouses([]).map((w) => w.id));
	for (const w of stored) have.add(w.id);
	const found = new Map<string, Warehouse>();
	for (const raw of codes) {
		const code = raw.trim();
		const id = `${distributorId}:${code}`;
		if (!code || have.has(id) || found.has(id)) continue;
		found.set(id, { id, distributorId, code, name: code, ...DEFAULT_RULE, isNew: true });
	}
	return [...found.values()];
}
