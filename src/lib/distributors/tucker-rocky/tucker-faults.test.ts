import { describe, expect, it } from 'vitest';
import type { Fault } from '$lib/simulator/simulator';
import type { DistributorAdapter, DropShipRequest } from '../types';
import { params, request, useTuckerSimulator } from '$test-support/distributors/tucker-kit';

const kit = useTuckerSimulator();
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
const stock = (a: DistributorAdapter) => a.getStock(['160942']);

const CASES: Case[] = [
	{
		fault: 'bad_credentials',
		code: 'auth',
		message: /Tucker Rocky refused the API key for customer 123456/,
		call: (a) => a.validateCredentials()
	},
	{
		fault: 'account_not_set_up',
		code: 'account_prerequisite',
		message: /credit card on file for customer 123456/,
		call: place()
	},
	{ fault: 'unknown_sku', code: 'unknown_sku', message: /does not know the items/, call: place() },
	{ fault: 'out_of_stock', code: 'out_of_stock', message: /available/, call: place() },
	{ fault: 'invalid_address', code: 'invalid_address', message: /ship-to address/, call: place() },
	{ fault: 'duplicate_po', code: 'duplicate_po', message: /already holds an order/, call: place() },
	{ fault: 'rate_limited', code: 'rate_limited', message: /slow down/, call: stock },
	{ fault: 'server_error', code: 'transient', message: /error 503/, call: stock },
	{ fault: 'slow', code: 'transient', message: /did not answer in time/, call: stock },
	{ fault: 'dropped_connection', code: 'transient', message: /connection failed/, call: stock },
	{ fault: 'lost_response', code: 'transient', message: /connection failed/, call: place() },
	{ fault: 'malformed_body', code: 'protocol', message: /does not understand/, call: place() }
];

describe('Tucker simulator faults → adapter error codes', () => {
	it.each(CASES)(
		'$fault gives $code with a message for the dealer',
		async ({ fault, code, message, call }) => {
			sim.setFault('tucker', fault, true);
			const result = await call(kit.adapter());
			expect(result).toMatchObject({
				ok: false,
				error: { code, message: expect.stringMatching(message) }
			});
		}
	);

	it("keeps Tucker's own words in detail and names the field of an address refusal", async () => {
		sim.setFault('tucker', 'account_not_set_up', true);
		expect(await kit.adapter().placeDropShipOrder(request())).toMatchObject({
			error: { detail: 'No credit card on file for customer 123456' }
		});
		sim.setFault('tucker', 'account_not_set_up', false);
		const zip = { ...request().shipTo, postalCode: '00000' };
		expect(await kit.adapter().placeDropShipOrder(request({ shipTo: zip }))).toMatchObject({
			error: { code: 'invalid_address', field: 'shipTo' }
		});
	});

	it('reads per-line refusals of a refused order (orderinput.orderline[].errormsg)', async () => {
		sim.setFault('tucker', 'unknown_sku', true);
		expect(await kit.adapter().placeDropShipOrder(request())).toMatchObject({
			error: { detail: 'No valid lines on order; Invalid item number' }
		});
	});

	it('gives the Retry-After of a 429 to the caller', async () => {
		sim.setFault('tucker', 'rate_limited', true);
		expect(await kit.adapter().getStock(['160942'])).toMatchObject({
			ok: false,
			error: { code: 'rate_limited', retryAfterMs: 30_000 }
		});
	});

	it('a body missing required fields is protocol, not a crash, on every call', async () => {
		const placed = await kit.adapter().placeDropShipOrder(request());
		const refs = placed.ok ? placed.value.distributorRefs : [];
		sim.advanceHours(40);
		sim.setFault('tucker', 'malformed_body', true);
		for (const result of [
			await kit.adapter().getStock(['160942']),
			await kit.adapter().validateCredentials(),
			await kit.adapter().getOrderStatus('PO-3001', refs)
		]) {
			expect(result).toMatchObject({ ok: false, error: { code: 'protocol' } });
		}
	});

	it('refuses a key that is not obviously fake; sends nothing without a customer number', async () => {
		expect(await kit.adapter('ABCDEFGHIJKLMNOPQRSTUVWXYZ12').validateCredentials()).toMatchObject({
			ok: false,
			error: { code: 'auth', detail: 'Invalid API key' }
		});
		expect(await kit.adapter(undefined, '').validateCredentials()).toMatchObject({
			ok: false,
			error: { code: 'auth', message: expect.stringMatching(/customer number and API key/) }
		});
		expect(kit.requests()).toHaveLength(1);
	});

	it('never puts the key into an error message or the audit log, even when refused', async () => {
		sim.setFault('tucker', 'bad_credentials', true);
		const refused = await kit.adapter().validateCredentials();
		expect(JSON.stringify(refused)).not.toMatch(/DEMOTUCKERKEY/);
		expect(JSON.stringify(kit.audit)).not.toMatch(/DEMOTUCKERKEY/);
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

const submits = () =>
	kit.requests().filter((c) => params(c.url).some(([k, v]) => k === 'submit' && v === 'YES'));

describe('a lost answer on order placement', () => {
	it('cannot be reconciled by PO: "cannot check", nothing resent, no ORD probe', async () => {
		sim.setFault('tucker', 'lost_response', true);
		const settled = await placeExactlyOnce(kit.adapter(), request());
		expect(settled).toMatchObject({
			ok: false,
			error: { code: 'not_supported', message: expect.stringMatching(/Ask .*PO-3001/) }
		});
		expect(sim.countOrders('tucker', 'PO-3001')).toBe(1);
		expect(submits()).toHaveLength(1);
		const ords = kit
			.requests()
			.filter((c) => params(c.url).some(([k, v]) => k === 'type' && v === 'ORD'));
		expect(ords).toHaveLength(1);
	});

	it('resends when the lookup shows Tucker never got it', async () => {
		sim.setFault('tucker', 'dropped_connection', true);
		const settled = await kit.adapter().placeDropShipOrder(request());
		expect(settled).toMatchObject({ ok: false, error: { code: 'transient' } });
		sim.setFault('tucker', 'dropped_connection', false);
		const again = await placeExactlyOnce(kit.adapter(), request());
		expect(again.ok).toBe(true);
		expect(sim.countOrders('tucker', 'PO-3001')).toBe(1);
	});

	it('even a blind resend is refused by allowduplicatepo=NO', async () => {
		sim.setFault('tucker', 'lost_response', true);
		await kit.adapter().placeDropShipOrder(request());
		sim.setFault('tucker', 'lost_response', false);
		expect(await kit.adapter().placeDropShipOrder(request())).toMatchObject({
			ok: false,
			error: { code: 'duplicate_po' }
		});
		expect(sim.countOrders('tucker', 'PO-3001')).toBe(1);
	});
});
