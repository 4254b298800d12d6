import type { Address } from '$lib/domain/address';
import type { Credentials } from '$lib/domain/account';
import type { DistributorId } from '$lib/domain/distributor';
import type { ShippingMethod } from '$lib/domain/purchase-order';
import type { AppError, Result } from '$lib/domain/result';

/**
 * The one interface every distributor adapter implements (distributors.md §7). Adapters are
 * written against the real API; `fetch` is injected, so demo mode and the tests swap only the
 * transport. Every method returns a Result: a distributor saying no is a value, never a throw.
 */
export interface DistributorAdapter {
	readonly id: DistributorId;
	readonly capabilities: Capabilities;

	/** ok with warnings the API cannot check up front (tax ID, card on file …); `auth` when refused. */
	validateCredentials(): Promise<Result<CredentialCheck>>;
	/** Live stock per warehouse now; unknown SKUs come back with `found: false`. */
	getStock(skus: readonly string[]): Promise<Result<StockLine[]>>;
	/** Places the order. Fails with `validation` (naming the field) before sending when a limit is broken. */
	placeDropShipOrder(request: DropShipRequest): Promise<Result<DropShipResult>>;
	/** Status and shipments of one PO; `not_found` when the distributor has no such PO. */
	getOrderStatus(poNumber: string, refs?: readonly string[]): Promise<Result<OrderStatusResult>>;
	/**
	 * Status of many POs in as few calls as the API allows (WPS and PU list by date, Tucker SHP
	 * with repeated ordernums, Automatic's range lookup). A PO the distributor does not list is
	 * simply absent. Fails as a whole only when the first call fails; a later failure comes back
	 * as `interrupted` beside what was answered.
	 */
	getOrderStatuses(pos: readonly StatusQuery[]): Promise<Result<OrderStatusBatch>>;
	/**
	 * Every order the distributor lists as placed between `from` and `to`, one result per PO;
	 * `not_supported` where the API has no list (Tucker), `validation` for a window it refuses.
	 */
	listRecentOrders(from: Date, to: Date): Promise<Result<OrderStatusResult[]>>;
	/** Whether the distributor already holds an order for this PO: reconciliation, never re-ordering. */
	findOrderByPoNumber(poNumber: string): Promise<Result<FoundOrder | null>>;
	/** `not_supported` with the contact route for every distributor whose API cannot cancel. */
	cancelOrder(poNumber: string): Promise<Result<void>>;
}

export interface AdapterDeps {
	fetch: typeof fetch;
	credentials: Credentials;
	/** Called once per HTTP exchange; the adapter masks secrets before calling. */
	audit?: (entry: AdapterAuditEntry) => void;
	/** Milliseconds before a call is abandoned as `transient`. */
	timeoutMs?: number;
	now?: () => Date;
}

export type AdapterFactory = (deps: AdapterDeps) => DistributorAdapter;

export interface AdapterAuditEntry {
	operation: string;
	method: string;
	url: string;
	status?: number;
	ok: boolean;
	durationMs: number;
	poNumber?: string;
	message?: string;
}

export interface Capabilities {
	perWarehouseStock: boolean;
	/** Quantities at or above this are shown as the cap ("9 or more"). */
	stockCap?: number;
	cancelOrder: boolean;
	maxPoLength: number;
	/** Free text the distributor accepts with an order. */
	maxNoteLength?: number;
}

export interface CredentialCheck {
	accountLabel?: string;
	warnings: string[];
}

export interface StockLine {
	sku: string;
	found: boolean;
	totalQty: number;
	warehouses: { code: string; qty: number; capped: boolean }[];
	capped: boolean;
	/** Dealer cost now, when the stock call also tells it (Tucker INP, PU pricing, WPS item). */
	costCents?: number;
}

export interface DropShipRequest {
	/** Our PO number: the idempotency key. */
	poNumber: string;
	shipTo: Address;
	lines: { lineNo: number; sku: string; quantity: number; expectedUnitCostCents?: number }[];
	shippingMethod: ShippingMethod;
	/** Preferred warehouse code where the distributor lets the dealer choose. */
	warehouse?: string;
	allowBackorder?: boolean;
	note?: string;
}

export type LineOutcome = 'accepted' | 'backordered' | 'rejected';

export interface DropShipResult {
	poNumber: string;
	/** The distributor's own references: WPS order_number(s), PU reference_number, Tucker ordernum. */
	distributorRefs: string[];
	lines: {
		lineNo: number;
		sku: string;
		outcome: LineOutcome;
		quantity: number;
		message?: string;
	}[];
}

export type OrderStatus =
	'open' | 'backordered' | 'partially_shipped' | 'shipped' | 'invoiced' | 'cancelled' | 'rejected';

export interface ShipmentInfo {
	/** Stable within the distributor, so a shipment seen twice is stored once. */
	distributorRef: string;
	carrier: string;
	service?: string;
	trackingNumbers: string[];
	shipDate?: string;
	warehouse?: string;
	lines: { sku: string; quantity: number }[];
}

export interface OrderStatusResult {
	poNumber: string;
	status: OrderStatus;
	distributorRefs: string[];
	shipments: ShipmentInfo[];
	/**
	 * The distributor's own status words this app does not know ("WPS said 'B/O'"): `status` is
	 * then `open`, and the worker records this on the PO instead of failing (README parsing policy).
	 */
	statusNote?: string;
}

/** One open PO as the bulk status call needs it. */
export interface StatusQuery {
	poNumber: string;
	/** The distributor's references stored at placement (Tucker's SHP needs its ordernum). */
	refs: readonly string[];
	/** When the PO was created here (ISO); the list forms search by order date from the oldest. */
	placedAt: string;
}

export interface OrderStatusBatch {
	/** One result per PO the distributor answered for. */
	statuses: OrderStatusResult[];
	/** POs the bulk form cannot answer (Tucker without an ordernum …): ask these one at a time. */
	askSingly: string[];
	/** A later call of the batch failed: why, and the POs it would have answered. */
	interrupted?: { error: AppError; unanswered: string[] };
}

export interface FoundOrder {
	poNumber: string;
	distributorRefs: string[];
	status: OrderStatus;
}
