import { describe, expect, it, vi } from 'vitest';
import type { OutboxEmail } from '$lib/domain/outbox';
import { ok } from '$lib/domain/result';
import type { MailMessage } from '$lib/domain/smtp';
import { createApi } from '../api';
import type { MailTransport } from '../core/deps';
import { createTestDeps } from '$test-support/worker/test-deps';

const halfSent: OutboxEmail = {
	id: 'email-1',
	dedupeKey: 'order-1:1Z999AA10123456784',
	orderId: 'order-1',
	to: 'heather@example.com',
	subject: 'Your order 1042 is on the way',
	text: 'On its way',
	html: '<p>On its way</p>',
	state: 'sending',
	attempts: 1,
	createdAt: '2026-11-20T14:00:00.000Z'
};

async function tabThatClosedMidSend() {
	const sent: string[] = [];
	const mail = vi.fn<MailTransport>(async (_smtp, message: MailMessage) => {
		sent.push(message.idempotencyKey);
		return ok({ messageId: `<${message.idempotencyKey}@mail>` });
	});
	const deps = createTestDeps({ mail });
	await deps.db.outbox.put(halfSent);
	return { deps, api: createApi(deps), sent };
}

describe('an email a closed tab left half-sent (found by the soak)', () => {
	it('is sent after the app reopens, once and with its first key, instead of staying "sending" for ever', async () => {
		const { deps, api, sent } = await tabThatClosedMidSend();
		expect(await api.mail.resumeAfterRestart({})).toEqual({ ok: true, value: { resumed: 1 } });
		await api.mail.sendQueued({});
		await api.mail.sendQueued({});
		expect(sent).toEqual(['email-1']);
		expect((await deps.db.outbox.get('email-1'))?.state).toBe('sent');
	});

	it('is left alone while another tab is sending: its "sending" emails are its own', async () => {
		const { deps, api, sent } = await tabThatClosedMidSend();
		let release = () => undefined as void;
		const otherTab = deps.locks.runExclusive(
			'mail-outbox',
			() => new Promise<void>((resolve) => (release = resolve))
		);
		expect(await api.mail.resumeAfterRestart({})).toEqual({ ok: true, value: { resumed: 0 } });
		expect((await deps.db.outbox.get('email-1'))?.state).toBe('sending');
		expect(await api.mail.sendQueued({})).toMatchObject({ ok: true, value: { sent: 0 } });
		release();
		await otherTab;
		expect(sent).toEqual([]);
	});
});
