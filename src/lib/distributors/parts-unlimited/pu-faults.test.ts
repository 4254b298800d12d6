import { describe, expect, it } from 'vitest';
import type { Fault } from '$lib/simulator/simulator';
import type { DistributorAdapter, DropShipRequest } from '../types';
import { request, usePuSimulator } from '$test-support/distributors/pu-kit';

const kit = usePuSimulator();
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
const stock = (a: DistributorAdapter) => a.getStock(['1401-1193']);

const CASES: Case[] = [
	{
		fault: 'bad_credentials',
		code: 'auth',
		message: /refused the API key for dealer 12345/,
		call: (a) => a.validateCredentials()
	},
	{
		fault: 'account_not_set_up',
		code: 'not_enabled',
		message: /not enabled drop-ship for dealer 12345/,
		call: place()
	},
	{ fault: 'unknown_sku', code: 'unknown_sku', message: /1401-1193 NOT FOUND/, call: place() },
	{
		fault: 'out_of_stock',
		code: 'out_of_stock',
		message: /in stock/,
		call: place({ allowBackorder: false })
	},
	{ fault: 'invalid_address', code: 'invalid_address', message: /ship-to address/, call: place() },
	{ fault: 'duplicate_po', code: 'duplicate_po', message: /already holds an order/, call: place() },
	{ fault: 'rate_limited', code: 'rate_limited', message: /slow down/, call: stock },
	{ fault: 'server_error', code: 'transient', message: /error 503/, call: stock },
	{ fault: 'slow', code: 'transient', message: /did not answer in time/, call: stock },
	{ fault: 'dropped_connection', code: 'transient', message: /connection failed/, call: stock },
	{ fault: 'lost_response', code: 'transient', message: /connection failed/, call: place() },
	{ fault: 'malformed_body', code: 'protocol', message: /does not understand/, call: place() }
];

describe('PU simulator faults → adapter error codes', () => {
	it.each(CASES)(
		'$fault gives $code with a message for the dealer',
		async ({ fault, code, message, call }) => {
			sim.setFault('pu', fault, true);
			const result = await call(kit.adapter());
			expect(result).toMatchObject({
				ok: false,
				error: { code, message: expect.stringMatching(message) }
			});
		}
	);

	it('keeps PU own words in detail for the audit log', async () => {
		sim.setFault('pu', 'account_not_set_up', true);
		expect(await kit.adapter().placeDropShipOrder(request())).toMatchObject({
			error: { detail: 'Dealer 12345 is not set up for drop ship orders.' }
		});
	});

	it('gives the Retry-After of a 429 to the caller', async () => {
		sim.setFault('pu', 'rate_limited', true);
		expect(await kit.adapter().getStock(['1401-1193'])).toMatchObject({
			ok: false,
			error: { code: 'rate_limited', retryAfterMs: 5_000 }
		});
	});

	it('with back_order, out of stock is a backorder, not a refusal', async () => {
		sim.setFault('pu', 'out_of_stock', true);
		expect(await kit.adapter().placeDropShipOrder(request())).toMatchObject({
			ok: true,
			value: { lines: [{ outcome: 'backordered' }] }
		});
	});

	it('a malformed stock or status body is protocol, not a crash', async () => {
		await kit.adapter().placeDropShipOrder(request());
		sim.setFault('pu', 'malformed_body', true);
		expect(await kit.adapter().getStock(['1401-1193'])).toMatchObject({
			ok: false,
			error: { code: 'protocol' }
		});
		expect(await kit.adapter().getOrderStatus('PO-2001')).toMatchObject({
			ok: false,
			error: { code: 'protocol' }
		});
		expect(await kit.adapter().findOrderByPoNumber('PO-2001')).toMatchObject({
			ok: false,
			error: { code: 'protocol' }
		});
	});

	it('refuses a key that is not obviously fake; sends nothing without a dealer number', async () => {
		expect(
			await kit.adapter('ABCDEFG-1234567-ABCDEFG-1234567').validateCredentials()
		).toMatchObject({
			ok: false,
			error: { code: 'auth' }
		});
		expect(await kit.adapter(undefined, '').validateCredentials()).toMatchObject({
			ok: false,
			error: { code: 'auth' }
		});
		expect(await kit.requests()).toHaveLength(1);
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
	it('is reconciled by PO: PU holds one order', async () => {
		sim.setFault('pu', 'lost_response', true);
		const settled = await placeExactlyOnce(kit.adapter(), request());
		expect(settled).toMatchObject({ ok: true, value: { poNumber: 'PO-2001', status: 'open' } });
		expect(sim.countOrders('pu', 'PO-2001')).toBe(1);
		const posts = (await kit.requests()).filter((c) => c.method === 'POST');
		expect(posts).toHaveLength(1);
	});

	it('resends when the lookup shows PU never got it', async () => {
		sim.setFault('pu', 'dropped_connection', true);
		const first = await kit.adapter().placeDropShipOrder(request());
		expect(first).toMatchObject({ ok: false, error: { code: 'transient' } });
		sim.setFault('pu', 'dropped_connection', false);
		expect(await kit.adapter().findOrderByPoNumber('PO-2001')).toEqual({ ok: true, value: null });
		expect((await kit.adapter().placeDropShipOrder(request())).ok).toBe(true);
		expect(sim.countOrders('pu', 'PO-2001')).toBe(1);
	});
});
