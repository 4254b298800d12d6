import { describe, expect, it } from 'vitest';
import type { Fault } from '$lib/simulator/simulator';
import type { DistributorAdapter, DropShipRequest } from '../types';
import { request, useAutomaticSimulator } from '$test-support/distributors/automatic-kit';

const kit = useAutomaticSimulator();
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
const stock = (a: DistributorAdapter) => a.getStock(['A1000001']);

const CASES: Case[] = [
	{
		fault: 'bad_credentials',
		code: 'auth',
		message: /Automatic Distributors refused the API token/,
		call: (a) => a.validateCredentials()
	},
	{
		fault: 'account_not_set_up',
		code: 'account_prerequisite',
		message: /Custserv@autodist.com/,
		call: place()
	},
	{ fault: 'unknown_sku', code: 'unknown_sku', message: /does not know an item/, call: place() },
	{
		fault: 'out_of_stock',
		code: 'out_of_stock',
		message: /in stock/,
		call: place({ allowBackorder: false })
	},
	{ fault: 'invalid_address', code: 'invalid_address', message: /ship-to address/, call: place() },
	{ fault: 'duplicate_po', code: 'duplicate_po', message: /already holds an order/, call: place() },
	{ fault: 'rate_limited', code: 'rate_limited', message: /slow down/, call: stock },
	{ fault: 'server_error', code: 'transient', message: /error 500/, call: stock },
	{ fault: 'slow', code: 'transient', message: /did not answer in time/, call: stock },
	{ fault: 'dropped_connection', code: 'transient', message: /connection failed/, call: stock },
	{ fault: 'lost_response', code: 'transient', message: /connection failed/, call: place() },
	{ fault: 'malformed_body', code: 'protocol', message: /does not understand/, call: place() }
];

describe('Automatic simulator faults → adapter error codes', () => {
	it.each(CASES)(
		'$fault gives $code with a message for the dealer',
		async ({ fault, code, message, call }) => {
			sim.setFault('automatic', fault, true);
			const result = await call(kit.adapter());
			expect(result).toMatchObject({
				ok: false,
				error: { code, message: expect.stringMatching(message) }
			});
		}
	);

	it("keeps Automatic's own words in detail and names the field to fix", async () => {
		sim.setFault('automatic', 'duplicate_po', true);
		expect(await kit.adapter().placeDropShipOrder(request())).toMatchObject({
			error: { field: 'poNumber', detail: 'An order already exists for PO number PO-4001.' }
		});
		sim.setFault('automatic', 'duplicate_po', false);
		sim.setFault('automatic', 'invalid_address', true);
		expect(await kit.adapter().placeDropShipOrder(request())).toMatchObject({
			error: { code: 'invalid_address', field: 'shipTo' }
		});
	});

	it('gives the Retry-After of a 429 to the caller', async () => {
		sim.setFault('automatic', 'rate_limited', true);
		expect(await stock(kit.adapter())).toMatchObject({
			error: { code: 'rate_limited', retryAfterMs: 10_000 }
		});
	});

	it('with backorders allowed, out of stock is a backorder, not a refusal', async () => {
		sim.setFault('automatic', 'out_of_stock', true);
		expect(await kit.adapter().placeDropShipOrder(request())).toMatchObject({
			ok: true,
			value: { lines: [{ outcome: 'backordered' }] }
		});
	});

	it('a malformed stock or lookup body is protocol, not a crash', async () => {
		await kit.adapter().placeDropShipOrder(request());
		sim.setFault('automatic', 'malformed_body', true);
		for (const result of [
			await stock(kit.adapter()),
			await kit.adapter().getOrderStatus('PO-4001'),
			await kit.adapter().findOrderByPoNumber('PO-4001')
		]) {
			expect(result).toMatchObject({ ok: false, error: { code: 'protocol' } });
		}
	});

	it('refuses a token that is not obviously fake; sends nothing without a token', async () => {
		expect(await kit.adapter('live-token-123').validateCredentials()).toMatchObject({
			error: { code: 'auth', detail: 'Invalid or expired API token.' }
		});
		expect(await kit.adapter('').validateCredentials()).toMatchObject({
			error: { code: 'auth', message: expect.stringMatching(/Enter your/) }
		});
		expect(await kit.requests()).toHaveLength(1);
	});

	it('never writes the token into the audit log', async () => {
		await kit.adapter().placeDropShipOrder(request());
		expect(kit.audit).toHaveLength(1);
		expect(JSON.stringify(kit.audit)).not.toContain('demo-automatic-token');
	});
});

/** An unknown outcome is followed by a lookup by PO, never by a blind resend. */
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
	it('is reconciled by PO: Automatic holds one order', async () => {
		sim.setFault('automatic', 'lost_response', true);
		const settled = await placeExactlyOnce(kit.adapter(), request());
		const held = sim.findOrder('automatic', 'PO-4001');
		expect(settled).toEqual({
			ok: true,
			value: { poNumber: 'PO-4001', distributorRefs: [held?.ref], status: 'open' }
		});
		expect(sim.countOrders('automatic', 'PO-4001')).toBe(1);
		const posts = (await kit.requests()).filter((c) => c.method === 'POST');
		expect(posts).toHaveLength(1);
	});

	it('resends when the lookup shows Automatic never got it', async () => {
		sim.setFault('automatic', 'dropped_connection', true);
		expect(await kit.adapter().placeDropShipOrder(request())).toMatchObject({
			error: { code: 'transient' }
		});
		sim.setFault('automatic', 'dropped_connection', false);
		expect((await placeExactlyOnce(kit.adapter(), request())).ok).toBe(true);
		expect(sim.countOrders('automatic', 'PO-4001')).toBe(1);
	});
});
