import type { Offer } from '$lib/domain/catalog';
import type { DistributorId } from '$lib/domain/distributor';
import type { Fault } from '$lib/domain/faults';

/**
 * The shared state behind the four distributor simulators (MSW handlers). One Simulator serves
 * vitest, demo mode and the end-to-end tests; demo mode persists `snapshot()` in IndexedDB so the
 * simulated distributors remember their orders across a reload.
 */

// The fault names and labels live in the domain (the Data settings page lists them).
export { FAULTS, FAULT_LABELS, type Fault } from '$lib/domain/faults';
export { seededRandom } from '$lib/domain/seeded-random';

/** One order as a simulated distributor holds it. Lines and shipments derive from the clock. */
export interface SimOrder {
	distributorId: DistributorId;
	poNumber: string;
	ref: string;
	createdAt: string;
	shipTo: Record<string, string>;
	lines: { sku: string; quantity: number; unitCostCents: number }[];
	/** Seeded per order so the shipping plan is the same on every read. */
	seed: number;
	cancelled?: boolean;
}

export interface SimSnapshot {
	version: 1;
	clockOffsetMs: number;
	faults: Partial<Record<DistributorId, Fault[]>>;
	orders: SimOrder[];
	sequence: number;
	/**
	 * Extra state a simulator keeps, per distributor (WPS carts, request counts …) or per
	 * simulated web store ('shopify', 'woocommerce': their orders and fulfilments).
	 */
	extra: Partial<Record<string, unknown>>;
}

/** The parts a simulated distributor carries: its own SKUs with today's stock and dealer cost. */
export interface SimCatalog {
	lookup(distributorId: DistributorId, sku: string): Offer | undefined;
	skus(distributorId: DistributorId): readonly string[];
}

export function catalogFromOffers(offers: readonly Offer[]): SimCatalog {
	const byKey = new Map(offers.map((o) => [`${o.distributorId}:${o.sku.toUpperCase()}`, o]));
	return {
		lookup: (distributorId, sku) => byKey.get(`${distributorId}:${sku.toUpperCase()}`),
		skus: (distributorId) =>
			offers.filter((o) => o.distributorId === distributorId).map((o) => o.sku)
	};
}

export interface SimulatorOptions {
	catalog?: SimCatalog;
	/** Real time; tests inject a fixed clock. */
	realNow?: () => number;
	/** Virtual hours that pass per real hour; demo mode runs fast (e.g. 120 = an hour every 30 s). */
	speed?: number;
	/** Added latency per response; 0 in tests. */
	latencyMs?: number;
	/** Requests each simulated distributor admits per window before it answers 429; none if unset. */
	rateLimit?: RateLimit;
	seed?: number;
	/** Called after every change of state, so demo mode can persist the snapshot. */
	onChange?: (snapshot: SimSnapshot) => void;
}

/** A sliding window: at most `requests` admitted in any `windowMs` of real time. */
export interface RateLimit {
	requests: number;
	windowMs: number;
}

export class Simulator {
	readonly speed: number;
	/** Added latency per response; tests and the benchmark may change it between steps. */
	latencyMs: number;
	/** Each distributor's own limit (its limits are undocumented, so the figure is the caller's). */
	rateLimit: RateLimit | null;
	/** Real times of the requests admitted per distributor within the current window. */
	private readonly admitted = new Map<DistributorId, number[]>();
	readonly catalog: SimCatalog;
	private readonly realNow: () => number;
	private readonly startedAt: number;
	private readonly onChange?: (snapshot: SimSnapshot) => void;
	private state: SimSnapshot;
	/** Counts every order-creating request per PO number: the double-order detector of the tests. */
	readonly orderRequests = new Map<string, number>();

	constructor(options: SimulatorOptions = {}, snapshot?: SimSnapshot) {
		this.realNow = options.realNow ?? (() => Date.now());
		this.speed = options.speed ?? 1;
		this.latencyMs = options.latencyMs ?? 0;
		this.rateLimit = options.rateLimit ?? null;
		this.catalog = options.catalog ?? catalogFromOffers([]);
		this.startedAt = this.realNow();
		// A restored snapshot's offset is relative to real time at save; see snapshot().
		this.onChange = options.onChange;
		this.state = snapshot ?? {
			version: 1,
			clockOffsetMs: 0,
			faults: {},
			orders: [],
			sequence: options.seed ?? 1000,
			extra: {}
		};
	}

	/** The simulated distributors' clock: real time, sped up, plus whatever the tests advanced. */
	now(): Date {
		const real = this.realNow();
		return new Date(
			this.startedAt + (real - this.startedAt) * this.speed + this.state.clockOffsetMs
		);
	}

	advanceHours(hours: number): void {
		this.state.clockOffsetMs += hours * 3_600_000;
		this.changed();
	}

	/**
	 * Counts one request against the distributor's rate limit: null when it is admitted, else the
	 * whole seconds until a slot frees (the Retry-After of the 429). Refused requests do not count.
	 */
	admit(distributorId: DistributorId): number | null {
		if (!this.rateLimit) return null;
		const { requests, windowMs } = this.rateLimit;
		const now = this.realNow();
		const recent = (this.admitted.get(distributorId) ?? []).filter((at) => at > now - windowMs);
		this.admitted.set(distributorId, recent);
		const oldest = recent[0];
		if (recent.length >= requests && oldest !== undefined) {
			return Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
		}
		recent.push(now);
		return null;
	}

	hasFault(distributorId: DistributorId, fault: Fault): boolean {
		return this.state.faults[distributorId]?.includes(fault) ?? false;
	}

	faults(distributorId: DistributorId): readonly Fault[] {
		return this.state.faults[distributorId] ?? [];
	}

	setFault(distributorId: DistributorId, fault: Fault, isOn: boolean): void {
		const current = new Set(this.state.faults[distributorId] ?? []);
		if (isOn) current.add(fault);
		else current.delete(fault);
		this.state.faults[distributorId] = [...current];
		this.changed();
	}

	clearFaults(): void {
		this.state.faults = {};
		this.changed();
	}

	nextSequence(): number {
		this.state.sequence += 1;
		this.changed();
		return this.state.sequence;
	}

	orders(distributorId: DistributorId): SimOrder[] {
		return this.state.orders.filter((o) => o.distributorId === distributorId);
	}

	findOrder(distributorId: DistributorId, poNumber: string): SimOrder | undefined {
		return this.state.orders.find(
			(o) => o.distributorId === distributorId && o.poNumber === poNumber
		);
	}

	/** Records an order. Counts per PO so tests can assert "exactly one order at the simulator". */
	addOrder(order: SimOrder): void {
		const key = `${order.distributorId}:${order.poNumber}`;
		this.orderRequests.set(key, (this.orderRequests.get(key) ?? 0) + 1);
		this.state.orders.push(order);
		this.changed();
	}

	countOrders(distributorId: DistributorId, poNumber: string): number {
		return this.state.orders.filter(
			(o) => o.distributorId === distributorId && o.poNumber === poNumber
		).length;
	}

	extra<T>(key: DistributorId | 'shopify' | 'woocommerce', init: () => T): T {
		const existing = this.state.extra[key];
		if (existing !== undefined) return existing as T;
		const created = init();
		this.state.extra[key] = created;
		return created;
	}

	/** Call after mutating what `extra()` returned. */
	changed(): void {
		this.onChange?.(this.snapshot());
	}

	/**
	 * The state to persist. The clock is saved as its offset from real time now, so a reload keeps
	 * the virtual time reached (sped-up time included) instead of falling back.
	 */
	snapshot(): SimSnapshot {
		return { ...structuredClone(this.state), clockOffsetMs: this.now().getTime() - this.realNow() };
	}

	reset(): void {
		this.state = {
			version: 1,
			clockOffsetMs: 0,
			faults: {},
			orders: [],
			sequence: 1000,
			extra: {}
		};
		this.orderRequests.clear();
		this.admitted.clear();
		this.changed();
	}
}
