import { describe, expect, it, vi } from 'vitest';
import type { OutboxEmail } from '$lib/domain/outbox';
import { err, ok } from '$lib/domain/result';
import type { MailMessage } from '$lib/domain/smtp';
import { createApi } from '../api';
import type { MailTransport } from '../core/deps';
import { createMailTransport } from './transport';
import { sendOutbox } from './outbox';
import { createTestDeps } from '$test-support/worker/test-deps';

const email = (id: string, to: string, minute: number): OutboxEmail => ({
	id,
	dedupeKey: `ship/${id}/1Z999/shipped`,
	orderId: id,
	to,
	subject: 'Your order shipped',
	text: 'On its way',
	html: '<p>On its way</p>',
	state: 'queued',
	attempts: 0,
	createdAt: `2026-11-20T14:${String(minute).padStart(2, '0')}:00.000Z`
});

/** Live mode with a mail server that refuses gone@example.com for good. */
async function liveWithBounces() {
	const sentTo: string[] = [];
	const mail = vi.fn<MailTransport>(async (_smtp, message: MailMessage) => {
		sentTo.push(message.to);
		return message.to.toLowerCase() === 'gone@example.com'
			? err(
					'invalid_address',
					'The mail server refused gone@example.com permanently: 550 5.1.1 No such user'
				)
			: ok({ messageId: `<${message.idempotencyKey}@mail>` });
	});
	const deps = createTestDeps({ mail });
	const api = createApi(deps);
	await deps.db.settings.put({ key: 'app', value: { mode: 'live', isAutoEmailOn: true } });
	await api.mail.saveSmtp({
		host: 'smtp.example.com',
		port: 587,
		tlsMode: 'starttls',
		user: 'dealer',
		password: 'smtp-pass',
		from: 'parts@ridgeline.example'
	});
	return { deps, api, sentTo };
}

describe('hard-bounce suppression (MAIL-5, case 26)', () => {
	it('a 5xx refusal suppresses the address; later emails to it are not sent and say why', async () => {
		const { deps, sentTo } = await liveWithBounces();
		await deps.db.outbox.bulkAdd([
			email('m1', 'gone@example.com', 1),
			email('m2', 'cody@example.com', 2)
		]);
		expect(await sendOutbox(deps)).toEqual({ sent: 1, failed: 1 });
		expect(sentTo).toEqual(['gone@example.com', 'cody@example.com']);
		expect(await deps.db.outbox.get('m1')).toMatchObject({
			state: 'suppressed',
			lastError: expect.stringMatching(/refused gone@example.com permanently: 550/)
		});
		expect(await deps.db.suppressions.get('gone@example.com')).toMatchObject({
			reason: expect.stringMatching(/550/),
			emailId: 'm1'
		});

		// A later shipment to the same buyer, typed differently: held, never handed to the server.
		await deps.db.outbox.add(email('m3', '  Gone@Example.com ', 3));
		expect(await sendOutbox(deps)).toEqual({ sent: 0, failed: 1 });
		expect(sentTo).toHaveLength(2);
		expect(await deps.db.outbox.get('m3')).toMatchObject({
			state: 'suppressed',
			lastError: expect.stringMatching(/^Not sent: .*refused permanently on 2026-11-20/)
		});
		// Sending it by hand is refused too, with the reason.
		const api = createApi(deps);
		const byHand = await api.mail.sendOne({ emailId: 'm3' });
		expect(byHand).toMatchObject({
			ok: false,
			error: { message: expect.stringMatching(/Not sent/) }
		});
		expect(sentTo).toHaveLength(2);
	});

	it('a temporary failure does not suppress; lifting a suppression queues the held emails again', async () => {
		const { deps, api, sentTo } = await liveWithBounces();
		await deps.db.outbox.bulkAdd([email('m1', 'gone@example.com', 1)]);
		await sendOutbox(deps);
		deps.mail = async () =>
			err('transient', 'The mail server did not take the email: 451 try later');
		await deps.db.outbox.add(email('m2', 'cody@example.com', 2));
		await sendOutbox(deps);
		expect(await deps.db.suppressions.count()).toBe(1);
		expect((await deps.db.outbox.get('m2'))?.state).toBe('retrying');

		expect(await api.mail.liftSuppression({ address: 'GONE@example.com' })).toEqual({
			ok: true,
			value: { requeued: 1 }
		});
		expect(await deps.db.suppressions.count()).toBe(0);
		expect((await deps.db.outbox.get('m1'))?.state).toBe('queued');
		expect(sentTo).toEqual(['gone@example.com']);
	});

	it("the mail transport turns the endpoint's hard bounce into invalid_address, a 4xx into transient", async () => {
		const answer = (body: unknown) =>
			createMailTransport(
				'http://localhost',
				async () => new Response(JSON.stringify(body), { status: 502 })
			);
		const smtp = {
			host: 'smtp.example.com',
			port: 587,
			tlsMode: 'starttls' as const,
			from: 'parts@ridgeline.example'
		};
		const message = {
			to: 'gone@example.com',
			subject: 's',
			text: 't',
			html: 'h',
			idempotencyKey: 'k'
		};
		expect(
			await answer({ ok: false, message: '550 No such user', isHardBounce: true })(smtp, message)
		).toMatchObject({ ok: false, error: { code: 'invalid_address' } });
		expect(await answer({ ok: false, message: '451 try later' })(smtp, message)).toMatchObject({
			ok: false,
			error: { code: 'transient' }
		});
		// Never reached: the endpoint's sentence stands alone, not after "did not take the email".
		const unreached =
			'Could not reach the mail server smtp.example.com: the connection was refused.';
		expect(
			await answer({ ok: false, message: unreached, reason: 'refused' })(smtp, message)
		).toEqual({ ok: false, error: { code: 'transient', message: unreached } });
	});
});
