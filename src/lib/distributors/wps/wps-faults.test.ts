import { describe, expect, it } from 'vitest';
import type { Fault } from '$lib/simulator/simulator';
import type { DistributorAdapter, DropShipRequest } from '../types';
import { request, useWpsSimulator } from '$test-support/distributors/wps-kit';

const kit = useWpsSimulator();
const { sim } = kit;

type Case = {
	fault: Fault;
	code: string;
	message: RegExp;
	call: (adapter: DistributorAdapter) => Promise<unknown>;
};

const place =
	(overrides: Partial<DropShipRequest> = {}) =>
	(a: DistributorAdapter) =>
		a.placeDropShipOrder(request(overrides));

const CASES: Case[] = [
	{
		fault: 'bad_credentials',
		code: 'auth',
		message: /refused the API token/,
		call: (a) => a.validateCredentials()
	},
	{
		fault: 'account_not_set_up',
		code: 'account_prerequisite',
		message: /tax ID is on file/,
		call: place()
	},
	{ fault: 'unknown_sku', code: 'unknown_sku', message: /2-R0451B-8: unknown part/, call: place() },
	{
		fault: 'out_of_stock',
		code: 'out_of_stock',
		message: /not enough in stock/,
		call: place({ allowBackorder: false })
	},
	{ fault: 'invalid_address', code: 'invalid_address', message: /ship-to address/, call: place() },
	{ fault: 'duplicate_po', code: 'duplicate_po', message: /already holds/, call: place() },
	{
		fault: 'rate_limited',
		code: 'rate_limited',
		message: /slow down/,
		call: (a) => a.getStock(['87-4310'])
	},
	{
		fault: 'server_error',
		code: 'transient',
		message: /error 500/,
		call: (a) => a.getStock(['87-4310'])
	},
	{
		fault: 'slow',
		code: 'transient',
		message: /did not answer in time/,
		call: (a) => a.getStock(['87-4310'])
	},
	{
		fault: 'dropped_connection',
		code: 'transient',
		message: /connection failed/,
		call: (a) => a.getStock(['87-4310'])
	},
	{ fault: 'lost_response', code: 'transient', message: /connection failed/, call: place() },
	{
		fault: 'malformed_body',
		code: 'protocol',
		message: /does not understand/,
		call: (a) => a.getStock(['87-4310'])
	}
];

describe('WPS simulator faults → adapter error codes', () => {
	it.each(CASES)(
		'$fault gives $code with a message for the dealer',
		async ({ fault, code, message, call }) => {
			sim.setFault('wps', fault, true);
			const result = await call(kit.adapter());
			expect(result).toMatchObject({
				ok: false,
				error: { code, message: expect.stringMatching(message) }
			});
		}
	);

	it('gives the Retry-After of a 429 to the caller', async () => {
		sim.setFault('wps', 'rate_limited', true);
		expect(await kit.adapter().getStock(['87-4310'])).toMatchObject({
			ok: false,
			error: { code: 'rate_limited', retryAfterMs: 60_000 }
		});
	});

	it('deletes the cart when a step before submit fails, and keeps WPS order-free', async () => {
		sim.setFault('wps', 'unknown_sku', true);
		await kit.adapter().placeDropShipOrder(request());
		const calls = (await kit.requests()).map((c) => `${c.method} ${c.url.pathname}`);
		expect(calls).toEqual(['POST /carts', 'POST /carts/PO-1001/items', 'DELETE /carts/PO-1001']);
		expect(sim.countOrders('wps', 'PO-1001')).toBe(0);
	});

	it('deletes the cart when submit is refused (tax ID), so a corrected PO can go again', async () => {
		sim.setFault('wps', 'account_not_set_up', true);
		await kit.adapter().placeDropShipOrder(request());
		sim.setFault('wps', 'account_not_set_up', false);
		expect((await kit.adapter().placeDropShipOrder(request())).ok).toBe(true);
		expect(sim.countOrders('wps', 'PO-1001')).toBe(1);
	});

	it('a body missing required fields on status is protocol, not a crash', async () => {
		await kit.adapter().placeDropShipOrder(request());
		sim.setFault('wps', 'malformed_body', true);
		expect(await kit.adapter().getOrderStatus('PO-1001')).toMatchObject({
			ok: false,
			error: { code: 'protocol', detail: expect.stringContaining('data.po_number') }
		});
	});

	it('a token without the order scope is not_enabled on ordering', async () => {
		const placed = await kit.adapter('demo-readonly-0000').placeDropShipOrder(request());
		expect(placed).toMatchObject({ ok: false, error: { code: 'not_enabled' } });
		if (!placed.ok) expect(placed.error.message).toMatch(/webservices@wps-inc\.com/);
	});

	it('refuses a token that is not obviously fake, and sends nothing without one', async () => {
		expect(await kit.adapter('WPS-REAL-LOOKING').validateCredentials()).toMatchObject({
			ok: false,
			error: { code: 'auth' }
		});
		expect(await kit.adapter('').validateCredentials()).toMatchObject({
			ok: false,
			error: { code: 'auth' }
		});
	});
});

/**
 * The caller's rule: an unknown outcome (lost answer, timeout, unreadable body) is followed by a
 * lookup by PO, never by a blind resend; only a PO the distributor does not hold is sent again.
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

describe('a lost answer on order placement', () => {
	it('is reconciled by PO: WPS holds one order, not two', async () => {
		sim.setFault('wps', 'lost_response', true);
		const settled = await placeExactlyOnce(kit.adapter(), request());
		expect(settled).toMatchObject({ ok: true, value: { poNumber: 'PO-1001', status: 'open' } });
		expect(sim.countOrders('wps', 'PO-1001')).toBe(1);
		const calls = (await kit.requests()).map((c) => `${c.method} ${c.url.pathname}`);
		expect(calls.filter((c) => c === 'POST /orders')).toHaveLength(1);
		expect(calls.at(-1)).toBe('GET /orders/PO-1001');
	});

	it('resends when the lookup shows WPS never got the order', async () => {
		sim.setFault('wps', 'server_error', true);
		const first = await kit.adapter().placeDropShipOrder(request());
		expect(first).toMatchObject({ ok: false, error: { code: 'transient' } });
		sim.setFault('wps', 'server_error', false);
		const found = await kit.adapter().findOrderByPoNumber('PO-1001');
		expect(found).toEqual({ ok: true, value: null });
		expect((await kit.adapter().placeDropShipOrder(request())).ok).toBe(true);
		expect(sim.countOrders('wps', 'PO-1001')).toBe(1);
	});

	it('would have been a second order without the lookup: WPS lets a PO be reused', async () => {
		sim.setFault('wps', 'lost_response', true);
		await kit.adapter().placeDropShipOrder(request());
		sim.setFault('wps', 'lost_response', false);
		await kit.adapter().placeDropShipOrder(request());
		expect(sim.countOrders('wps', 'PO-1001')).toBe(2);
	});
});
