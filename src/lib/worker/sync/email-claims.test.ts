import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxEmail } from '$lib/domain/outbox';
import { ok } from '$lib/domain/result';
import type { MailMessage } from '$lib/domain/smtp';
import type { CouchServer } from '$test-support/worker/couch-server';
import { eventually, orderOn, twoDevices, type Device } from '$test-support/worker/two-devices';

let server: CouchServer;
let a: Device;
let b: Device;
/** Every email handed to a mail server, by either device. */
let mailed: { device: string; message: MailMessage }[];

beforeEach(async () => {
	({ server, a, b } = await twoDevices());
	mailed = [];
	for (const d of [a, b]) {
		d.deps.mail = async (_smtp, message) => {
			mailed.push({ device: d.letter, message });
			return ok({ messageId: `<${message.idempotencyKey}@${d.letter}>` });
		};
	}
});

afterEach(async () => {
	await a.api.sync.stop({});
	await b.api.sync.stop({});
	await server.close();
});

/** The shipment email for order `number`, queued on device `d` as tracking would queue it. */
async function queuedEmail(d: Device, number: string, id: string): Promise<OutboxEmail> {
	const { orderId } = await orderOn(d, number);
	const email: OutboxEmail = {
		id,
		dedupeKey: `${orderId}/1Z999AA10123456784`,
		orderId,
		to: 'cody@example.com',
		subject: 'Your order shipped',
		text: 'On its way',
		html: '<p>On its way</p>',
		state: 'queued',
		attempts: 0,
		createdAt: '2026-11-20T15:00:00.000Z'
	};
	await d.deps.db.outbox.add(email);
	return email;
}

describe('buyer emails on a synced shop', { timeout: 30_000 }, () => {
	it('the same email sent from A and B at once goes out once, from the device that claimed it', async () => {
		const email = await queuedEmail(a, '1030', 'mail-1');
		await eventually([a, b], async () => {
			expect(await b.deps.db.outbox.get(email.id)).toBeDefined();
		});
		const [onA, onB] = await Promise.all([
			a.api.mail.sendOne({ emailId: email.id }),
			b.api.mail.sendOne({ emailId: email.id })
		]);
		expect(mailed).toHaveLength(1);
		const sender = mailed[0]!.device;
		const [won, lost] = sender === 'A' ? [onA, onB] : [onB, onA];
		expect(won).toEqual({ ok: true, value: undefined });
		expect(lost).toMatchObject({ ok: false });
		if (!lost.ok) expect(lost.error.message).toContain(`Device ${sender} is sending this email`);
		// The sender's `sent` reaches the other device; nothing is sent again from there.
		await eventually([a, b], async () => {
			for (const d of [a, b])
				expect(await d.deps.db.outbox.get(email.id)).toMatchObject({ state: 'sent' });
		});
		expect(await a.api.mail.sendQueued({})).toMatchObject({ ok: true });
		expect(await b.api.mail.sendQueued({})).toMatchObject({ ok: true });
		expect(mailed).toHaveLength(1);
	});

	it('an email made on both devices (the same shipment) is claimed by its key: one goes out', async () => {
		await b.setOffline(true);
		const onA = await queuedEmail(a, '1031', 'mail-a');
		const onB = await queuedEmail(b, '1031', 'mail-b');
		expect(onB.dedupeKey).toBe(onA.dedupeKey);
		expect((await a.api.mail.sendOne({ emailId: onA.id })).ok).toBe(true);
		await b.setOffline(false);
		const fromB = await b.api.mail.sendOne({ emailId: onB.id });
		expect(fromB).toMatchObject({ ok: false });
		expect(mailed.map((m) => m.device)).toEqual(['A']);
		expect(await b.deps.db.outbox.get(onB.id)).toMatchObject({ state: 'queued', attempts: 0 });
	});

	it('an email waits while the sync server cannot be asked, and goes once it answers', async () => {
		const email = await queuedEmail(a, '1032', 'mail-2');
		server.setDown(true);
		const waiting = await a.api.mail.sendOne({ emailId: email.id });
		server.setDown(false);
		expect(waiting).toMatchObject({ ok: false });
		if (!waiting.ok) expect(waiting.error.message).toContain('waits');
		expect(mailed).toHaveLength(0);
		expect(await a.deps.db.outbox.get(email.id)).toMatchObject({ state: 'queued', attempts: 0 });
		expect((await a.api.mail.sendOne({ emailId: email.id })).ok).toBe(true);
		expect(mailed.map((m) => m.device)).toEqual(['A']);
	});
});
