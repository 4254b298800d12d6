import { describe, expect, it } from 'vitest';
import type { DistributorAdapter, DropShipRequest, StatusQuery } from '$lib/distributors/types';
import type { DistributorId } from '$lib/domain/distributor';
import type { Fault } from '$lib/domain/faults';
import type { ErrorCode, Result } from '$lib/domain/result';
import type { Simulator } from '$lib/simulator/simulator';
import { describeBulkContract } from './adapter-contract-bulk';

/** A request the kit's simulator received: enough to count and name the calls. */
export interface SeenCall {
	method: string;
	url: URL;
}

/** Which call a fault is tried on: most on placement, the transport faults on a stock call. */
export type FaultCall = 'validate' | 'place' | 'placeNoBackorder' | 'stock';

/** What the contract needs of a distributor's test kit. */
export interface ContractKit {
	id: DistributorId;
	sim: Simulator;
	/** The adapter with the kit's working credentials. */
	adapter: () => DistributorAdapter;
	/** The adapter with no credentials at all. */
	bare: () => DistributorAdapter;
	/** The adapter with a key that looks real (the simulator refuses anything not obviously fake). */
	realLooking: () => DistributorAdapter;
	/** The kit's working secret: never in an error, never in the audit log. */
	secret: string;
	audit: readonly unknown[];
	requests: () => SeenCall[] | Promise<SeenCall[]>;
	/** How many of these calls send an order (a resend counts again; a look-up does not). */
	orderSends: (calls: SeenCall[]) => number;
	request: (overrides?: Partial<DropShipRequest>) => DropShipRequest;
	/** A SKU the kit's simulator carries. */
	sku: string;
	/** Each fault's error code and the words the dealer reads; `call` where it is not the usual. */
	faults: Record<Fault, { code: ErrorCode; message: RegExp; call?: FaultCall }>;
	/** The field each refusal names for the dealer to fix, where the distributor says which. */
	fields: Partial<Record<'invalid_address' | 'duplicate_po', string>>;
	/** A fault whose refusal keeps the distributor's own words in `detail`. */
	ownWords: { fault: Fault; detail: string };
	/** The Retry-After the simulator sends with a 429. */
	retryAfterMs: number;
	/** Whether an out-of-stock line with backorders allowed is placed as a backorder. */
	canBackorder: boolean;
	/** Tucker cannot look a PO up without its order number ("cannot check"). */
	canFindByPo: boolean;
	/** What a blind resend after a lost answer does, where the kit's tests say so. */
	blindResend?: 'second_order' | 'refused';
	bulk: BulkContract;
}

/** The bulk status form: how many POs to place, the calls that answer them, named by `call`. */
export interface BulkContract {
	count: number;
	call: (seen: SeenCall) => string;
	calls: string[];
	/** A PO the distributor does not hold, as the bulk form asks it: left out. */
	unknown: StatusQuery;
	/** PO numbers the bulk form cannot ask (left to the one-by-one look-up). */
	askSingly: StatusQuery[];
	/**
	 * Whether a later call refused with a 429 keeps what the earlier calls answered. PU's pager
	 * does not today: a 429 on page 2 fails the whole round (page 1 is asked again next round).
	 */
	keepsAnsweredOnRateLimit: boolean;
	/** Whether the distributor lists its orders by date (listRecentOrders). */
	canListByDate: boolean;
}

const USUAL_CALL: Record<Fault, FaultCall> = {
	bad_credentials: 'validate',
	account_not_set_up: 'place',
	unknown_sku: 'place',
	out_of_stock: 'placeNoBackorder',
	invalid_address: 'place',
	duplicate_po: 'place',
	rate_limited: 'stock',
	server_error: 'stock',
	slow: 'stock',
	dropped_connection: 'stock',
	lost_response: 'place',
	malformed_body: 'place'
};

/**
 * The caller's rule: an unknown outcome (lost answer, timeout, unreadable body) is followed by a
 * look-up by PO, never by a blind resend; only a PO the distributor does not hold is sent again.
 */
async function placeExactlyOnce(adapter: DistributorAdapter, order: DropShipRequest) {
	const placed = await adapter.placeDropShipOrder(order);
	if (placed.ok || !['transient', 'protocol', 'rate_limited'].includes(placed.error.code)) {
		return placed;
	}
	const found = await adapter.findOrderByPoNumber(order.poNumber);
	if (!found.ok) return found;
	if (found.value) return { ok: true as const, value: found.value };
	return adapter.placeDropShipOrder(order);
}

/**
 * One contract for every adapter, run against its simulator: what the four adapters must do the
 * same way, whatever their API, each case written once. Per-distributor wire details stay in each
 * adapter's own tests.
 */
export function describeAdapterContract(makeKit: () => ContractKit): void {
	const kit = makeKit();
	const { sim } = kit;
	const po = kit.request().poNumber;
	const call = (how: FaultCall, adapter = kit.adapter()) =>
		how === 'validate'
			? adapter.validateCredentials()
			: how === 'stock'
				? adapter.getStock([kit.sku])
				: adapter.placeDropShipOrder(
						kit.request(how === 'placeNoBackorder' ? { allowBackorder: false } : {})
					);

	describe(`${kit.id}: the adapter contract`, () => {
		it('sends nothing without credentials and says what to enter', async () => {
			expect(await kit.bare().getStock([kit.sku])).toMatchObject({
				ok: false,
				error: { code: 'auth' }
			});
			expect(await kit.bare().validateCredentials()).toMatchObject({
				ok: false,
				error: { code: 'auth', message: expect.stringMatching(/Enter your/) }
			});
			expect(await kit.requests()).toHaveLength(0);
		});

		it('refuses a key that is not obviously fake, in one call', async () => {
			expect(await kit.realLooking().validateCredentials()).toMatchObject({
				ok: false,
				error: { code: 'auth' }
			});
			expect(await kit.requests()).toHaveLength(1);
		});

		it('never puts the secret into an error or the audit log, placed or refused', async () => {
			expect((await kit.adapter().placeDropShipOrder(kit.request())).ok).toBe(true);
			sim.setFault(kit.id, 'bad_credentials', true);
			const refused = await kit.adapter().validateCredentials();
			expect(kit.audit.length).toBeGreaterThan(0);
			expect(JSON.stringify(refused)).not.toContain(kit.secret);
			expect(JSON.stringify(kit.audit)).not.toContain(kit.secret);
		});

		it('cancel is never sent: not_supported, naming the PO', async () => {
			expect(await kit.adapter().cancelOrder('PO-9')).toMatchObject({
				ok: false,
				error: { code: 'not_supported', message: expect.stringContaining('PO-9') }
			});
			expect(await kit.requests()).toHaveLength(0);
		});

		it('finds a placed PO by its number, or says it cannot check; absent only when absent', async () => {
			const placed = await kit.adapter().placeDropShipOrder(kit.request());
			expect(placed.ok).toBe(true);
			const found = await kit.adapter().findOrderByPoNumber(po);
			if (kit.canFindByPo) {
				expect(found).toMatchObject({ ok: true, value: { poNumber: po } });
				expect(await kit.adapter().findOrderByPoNumber('PO-NEVER')).toEqual({
					ok: true,
					value: null
				});
			} else {
				expect(found).toMatchObject({ ok: false, error: { code: 'not_supported' } });
			}
		});

		it.each(Object.keys(USUAL_CALL) as Fault[])(
			'the %s fault gives its code with a message for the dealer',
			async (fault) => {
				const { code, message, call: how = USUAL_CALL[fault] } = kit.faults[fault];
				sim.setFault(kit.id, fault, true);
				expect(await call(how)).toMatchObject({
					ok: false,
					error: { code, message: expect.stringMatching(message) }
				});
			}
		);

		it.each([
			['server_error', 'transient'],
			['dropped_connection', 'transient'],
			['rate_limited', 'rate_limited'],
			['malformed_body', 'protocol'],
			['bad_credentials', 'auth']
		] as const)('the %s fault on a stock call is %s, never a throw', async (fault, code) => {
			sim.setFault(kit.id, fault, true);
			expect(await call('stock')).toMatchObject({
				ok: false,
				error: { code, message: expect.any(String) }
			});
		});

		it("keeps the distributor's own words in detail for the audit log", async () => {
			sim.setFault(kit.id, kit.ownWords.fault, true);
			expect(await call(USUAL_CALL[kit.ownWords.fault])).toMatchObject({
				ok: false,
				error: { detail: kit.ownWords.detail }
			});
		});

		for (const [fault, field] of Object.entries(kit.fields)) {
			it(`a ${fault} refusal names the field to fix (${field})`, async () => {
				sim.setFault(kit.id, fault as Fault, true);
				expect(await call('place')).toMatchObject({ ok: false, error: { code: fault, field } });
			});
		}

		it('a rate limit carries how long to wait (the Retry-After)', async () => {
			sim.setFault(kit.id, 'rate_limited', true);
			expect(await call('stock')).toMatchObject({
				ok: false,
				error: { code: 'rate_limited', retryAfterMs: kit.retryAfterMs }
			});
		});

		it(`out of stock with backorders allowed is ${kit.canBackorder ? 'a backorder' : 'a refusal'}`, async () => {
			sim.setFault(kit.id, 'out_of_stock', true);
			expect(await call('place')).toMatchObject(
				kit.canBackorder
					? { ok: true, value: { lines: [{ outcome: 'backordered' }] } }
					: { ok: false, error: { code: 'out_of_stock' } }
			);
		});

		it('a malformed body on stock, status or look-up is protocol, not a crash', async () => {
			const placed = await kit.adapter().placeDropShipOrder(kit.request());
			const refs = placed.ok ? placed.value.distributorRefs : [];
			sim.advanceHours(40);
			sim.setFault(kit.id, 'malformed_body', true);
			const answers: Result<unknown>[] = [
				await call('stock'),
				await call('validate'),
				await kit.adapter().getOrderStatus(po, refs)
			];
			if (kit.canFindByPo) answers.push(await kit.adapter().findOrderByPoNumber(po));
			for (const answer of answers) {
				expect(answer).toMatchObject({ ok: false, error: { code: 'protocol' } });
			}
		});

		describe('a lost answer on order placement', () => {
			it(
				kit.canFindByPo
					? 'is reconciled by PO: the distributor holds one order, sent once'
					: 'cannot be reconciled by PO: "cannot check", nothing resent',
				async () => {
					sim.setFault(kit.id, 'lost_response', true);
					const settled = await placeExactlyOnce(kit.adapter(), kit.request());
					expect(settled).toMatchObject(
						kit.canFindByPo
							? { ok: true, value: { poNumber: po, status: 'open' } }
							: {
									ok: false,
									error: { code: 'not_supported', message: expect.stringMatching(/Ask .*PO-/) }
								}
					);
					expect(sim.countOrders(kit.id, po)).toBe(1);
					expect(kit.orderSends(await kit.requests())).toBe(1);
				}
			);

			it.each(['dropped_connection', 'server_error'] as const)(
				'after %s, the look-up shows it never arrived and it is sent again, once',
				async (fault) => {
					sim.setFault(kit.id, fault, true);
					expect(await kit.adapter().placeDropShipOrder(kit.request())).toMatchObject({
						ok: false,
						error: { code: 'transient' }
					});
					sim.setFault(kit.id, fault, false);
					if (kit.canFindByPo) {
						expect(await kit.adapter().findOrderByPoNumber(po)).toEqual({ ok: true, value: null });
					}
					expect((await placeExactlyOnce(kit.adapter(), kit.request())).ok).toBe(true);
					expect(sim.countOrders(kit.id, po)).toBe(1);
				}
			);

			if (kit.blindResend) {
				it(`a blind resend ${kit.blindResend === 'refused' ? 'is refused as a duplicate PO' : 'would be a second order: the look-up is what prevents it'}`, async () => {
					sim.setFault(kit.id, 'lost_response', true);
					await kit.adapter().placeDropShipOrder(kit.request());
					sim.setFault(kit.id, 'lost_response', false);
					const again = await kit.adapter().placeDropShipOrder(kit.request());
					if (kit.blindResend === 'refused') {
						expect(again).toMatchObject({ ok: false, error: { code: 'duplicate_po' } });
					}
					expect(sim.countOrders(kit.id, po)).toBe(kit.blindResend === 'refused' ? 1 : 2);
				});
			}
		});

		describeBulkContract(kit);
	});
}
