import { beforeEach, describe, expect, it } from 'vitest';
import type { OrderStatusResult } from '$lib/distributors/types';
import type { MailMessage } from '$lib/domain/smtp';
import { err, ok } from '$lib/domain/result';
import { createApi } from '../api';
import type { ApiDeps } from '../core/deps';
import { placePuOrder } from '$test-support/worker/dealer-fixture';
import { FakeDistributor } from '$test-support/worker/fake-distributor';
import { createTestDeps } from '$test-support/worker/test-deps';
import { MAX_SINGLE_LOOKUPS_PER_ROUND } from './singly';

let fake: FakeDistributor;
let deps: ApiDeps;
let api: ReturnType<typeof createApi>;
let sentMail: MailMessage[];
let isMailDown: boolean;

const placeOrder = (number: string, itemCount = 1) => placePuOrder(api, number, itemCount);

const shipment = (
	ref: string,
	tracking: string,
	skus: string[]
): OrderStatusResult['shipments'][number] => ({
	distributorRef: ref,
	carrier: 'UPS',
	trackingNumbers: [tracking],
	lines: skus.map((sku) => ({ sku, quantity: 1 }))
});

beforeEach(async () => {
	fake = new FakeDistributor();
	sentMail = [];
	isMailDown = false;
	deps = createTestDeps({
		adapters: (id) => fake.adapter(id),
		mail: async (_smtp, message) => {
			if (isMailDown)
				return err('transient', 'The mail server did not take the email: 451 try later');
			sentMail.push(message);
			return ok({ messageId: `<${sentMail.length}@test>` });
		}
	});
	api = createApi(deps);
	await deps.db.settings.put({
		key: 'app',
		value: {
			mode: 'demo',
			dealer: { name: 'Ridge Line Powersports', poPrefix: 'RL' },
			isAutoEmailOn: true
		}
	});
	await deps.db.distributors.put({
		id: 'pu',
		isEnabled: true,
		credentials: { dealerNumber: '1', apiKey: 'DEMOKEY' },
		prerequisitesDone: [],
		updatedAt: deps.now().toISOString()
	});
});

describe('tracking refresh and buyer email', () => {
	it('stores a shipment once, marks PO and order shipped and emails the buyer exactly once', async () => {
		const po = await placeOrder('2001');
		fake.statuses.set(po, {
			poNumber: po,
			status: 'shipped',
			distributorRefs: ['REF'],
			shipments: [shipment('S1', '1Z999AA10123456784', ['1000'])]
		});
		const first = await api.tracking.refresh({});
		expect(first).toMatchObject({
			ok: true,
			value: { poCount: 1, newShipments: 1, emailsSent: 1 }
		});
		expect(sentMail).toHaveLength(1);
		expect(sentMail[0]).toMatchObject({
			to: 'heather@example.com',
			subject: 'Your order 2001 is on the way'
		});
		expect(sentMail[0]?.text).toContain('https://www.ups.com/track?tracknum=1Z999AA10123456784');
		expect(sentMail[0]?.text).toContain('Your order 2001 is on the way.');
		// The outbox row keeps the number and carrier: the outbox links it to the carrier's page.
		expect(await deps.db.outbox.toArray()).toMatchObject([
			{ trackingNumber: '1Z999AA10123456784', carrier: expect.any(String) }
		]);
		const stored = await deps.db.purchaseOrders.where('poNumber').equals(po).first();
		expect(stored).toMatchObject({ shipState: 'shipped', state: 'confirmed' });
		expect((await deps.db.orders.toCollection().first())?.state).toBe('shipped');

		// The same answer again (another tab, a reload): nothing new, no second email.
		await deps.db.purchaseOrders
			.where('poNumber')
			.equals(po)
			.modify({ shipState: 'partly_shipped' });
		await api.tracking.refresh({});
		expect(await deps.db.shipments.count()).toBe(1);
		expect(sentMail).toHaveLength(1);
	});

	it('records a status word the app does not know on the PO, once, and carries on', async () => {
		const po = await placeOrder('2009');
		fake.statuses.set(po, {
			poNumber: po,
			status: 'open',
			distributorRefs: ['REF'],
			shipments: [],
			statusNote: "Parts Unlimited said 'ON HOLD'"
		});
		expect(await api.tracking.refresh({})).toMatchObject({ ok: true });
		await api.tracking.refresh({});
		const stored = await deps.db.purchaseOrders.where('poNumber').equals(po).first();
		expect(stored).toMatchObject({ state: 'confirmed', shipState: 'awaiting' });
		const notes = stored?.history.map((h) => h.note) ?? [];
		expect(notes.filter((n) => n === "Parts Unlimited said 'ON HOLD'")).toHaveLength(1);
	});

	it('a second shipment of the same PO sends a second email; the first is worded as partial', async () => {
		const po = await placeOrder('2002', 2);
		fake.statuses.set(po, {
			poNumber: po,
			status: 'partially_shipped',
			distributorRefs: ['REF'],
			shipments: [shipment('S1', '1Z999AA10123456784', ['1000'])]
		});
		await api.tracking.refresh({});
		expect(sentMail[0]?.text).toContain('Some of your items from order 2002 are on the way');
		expect(sentMail[0]?.text).toContain('1 × Part 1');
		fake.statuses.set(po, {
			poNumber: po,
			status: 'shipped',
			distributorRefs: ['REF'],
			shipments: [
				shipment('S1', '1Z999AA10123456784', ['1000']),
				shipment('S2', '9400111899223456789012', ['1001'])
			]
		});
		await api.tracking.refresh({});
		expect(sentMail).toHaveLength(2);
		expect(sentMail[1]?.text).toContain('9400111899223456789012');
		expect(sentMail[1]?.text).toContain('1 × Part 2');
	});

	it('an SMTP failure leaves the email to retry; the retry sends it once', async () => {
		const po = await placeOrder('2003');
		fake.statuses.set(po, {
			poNumber: po,
			status: 'shipped',
			distributorRefs: ['REF'],
			shipments: [shipment('S1', '1Z999AA10123456784', ['1000'])]
		});
		isMailDown = true;
		const round = await api.tracking.refresh({});
		expect(round).toMatchObject({ ok: true, value: { emailsSent: 0, emailsFailed: 1 } });
		const waiting = await deps.db.outbox.toArray();
		expect(waiting).toMatchObject([
			{ state: 'retrying', attempts: 1, lastError: expect.stringContaining('451') }
		]);
		isMailDown = false;
		await api.mail.sendQueued({});
		await api.mail.sendQueued({});
		expect(sentMail).toHaveLength(1);
		expect((await deps.db.outbox.toArray())[0]).toMatchObject({
			state: 'sent',
			messageId: '<1@test>'
		});
	});

	it('keeps emails queued when automatic sending is off; the dealer sends one by hand', async () => {
		await api.settings.update({ isAutoEmailOn: false });
		const po = await placeOrder('2004');
		fake.statuses.set(po, {
			poNumber: po,
			status: 'shipped',
			distributorRefs: ['REF'],
			shipments: [shipment('S1', '1Z999AA10123456784', ['1000'])]
		});
		await api.tracking.refresh({});
		expect(sentMail).toHaveLength(0);
		const [email] = await deps.db.outbox.toArray();
		expect(email?.state).toBe('queued');
		expect(await api.mail.sendOne({ emailId: email!.id })).toEqual({ ok: true, value: undefined });
		expect(sentMail).toHaveLength(1);
	});

	it('a distributor that rate-limits is named with a retry time and left alone until then', async () => {
		const po = await placeOrder('2005');
		fake.statusFailure = 'rate_limited';
		const first = await api.tracking.refresh({});
		expect(first.ok && 'problems' in first.value && first.value.problems).toEqual([
			{
				distributorId: 'pu',
				message: 'Parts Unlimited asked us to slow down',
				retryAt: '2026-11-20T15:00:30.000Z'
			}
		]);
		const calls = fake.statusCalls;
		await api.tracking.refresh({});
		expect(fake.statusCalls).toBe(calls);
		expect(po).toBe('RL000001');
	});
});

describe('POs the bulk form cannot answer', () => {
	it('are asked one by one, at most MAX_SINGLE_LOOKUPS_PER_ROUND a round; the rest wait, and the summary says so', async () => {
		fake.hasNoBulkStatus = true;
		const pos: string[] = [];
		for (let i = 0; i < MAX_SINGLE_LOOKUPS_PER_ROUND + 3; i++) pos.push(await placeOrder(`30${i}`));
		for (const po of pos) {
			fake.statuses.set(po, {
				poNumber: po,
				status: 'open',
				distributorRefs: ['REF'],
				shipments: []
			});
		}
		const round = await api.tracking.refresh({});
		// One bulk call that answered nothing, then one call per PO up to the limit.
		expect(fake.statusCalls).toBe(1 + MAX_SINGLE_LOOKUPS_PER_ROUND);
		expect(round.ok && 'problems' in round.value && round.value.problems).toEqual([
			{
				distributorId: 'pu',
				message: '3 POs are checked one at a time and wait for the next refresh'
			}
		]);
		const confirmed = await deps.db.purchaseOrders.where('state').equals('confirmed').count();
		expect(confirmed).toBe(MAX_SINGLE_LOOKUPS_PER_ROUND);
		// The next round asks the ones left out first.
		await api.tracking.refresh({});
		expect(await deps.db.purchaseOrders.where('state').equals('confirmed').count()).toBe(
			pos.length
		);
	});
});

describe('one tab refreshes at a time', () => {
	it('a second refresh while one runs is skipped and makes no calls', async () => {
		const po = await placeOrder('2006');
		fake.statuses.set(po, {
			poNumber: po,
			status: 'open',
			distributorRefs: ['REF'],
			shipments: []
		});
		const [a, b] = await Promise.all([api.tracking.refresh({}), api.tracking.refresh({})]);
		const skipped = [a, b].filter((r) => r.ok && 'skipped' in r.value);
		expect(skipped).toHaveLength(1);
		expect(fake.statusCalls).toBe(1);
	});

	it('on opening the app in live mode, a round checked under two minutes ago is not asked again', async () => {
		const po = await placeOrder('2007');
		fake.statuses.set(po, {
			poNumber: po,
			status: 'open',
			distributorRefs: ['REF'],
			shipments: []
		});
		await api.tracking.refresh({});
		expect(fake.statusCalls).toBe(1);
		const settings = await deps.db.settings.get('app');
		await deps.db.settings.put({
			key: 'app',
			value: { ...(settings?.value as object), mode: 'live' }
		});
		const reopened = await api.tracking.refresh({ unlessCheckedWithinMs: 120_000 });
		expect(reopened).toEqual({ ok: true, value: { skipped: true } });
		expect(fake.statusCalls).toBe(1);
		// The Refresh button and the timer always ask.
		await api.tracking.refresh({});
		expect(fake.statusCalls).toBe(2);
	});
});
