import { describe, expect, it, vi } from 'vitest';
import type { OutboxEmail } from '$lib/domain/outbox';
import { ok } from '$lib/domain/result';
import type { MailMessage } from '$lib/domain/smtp';
import { createApi } from '../api';
import { OUTBOX_LOCK } from './outbox';
import type { MailTransport } from '../core/deps';
import { createTestDeps } from '$test-support/worker/test-deps';

/** An email a tab had claimed (`sending`) when it closed: its outcome was never written. */
const leftSending: OutboxEmail = {
	id: 'm1',
	dedupeKey: 'ship/m1/1Z999/shipped',
	orderId: 'o1',
	to: 'ann@example.com',
	subject: 'Your order shipped',
	text: 'On its way',
	html: '<p>On its way</p>',
	state: 'sending',
	attempts: 1,
	createdAt: '2026-11-20T14:01:00.000Z'
};

async function outbox() {
	const sent: MailMessage[] = [];
	const mail = vi.fn<MailTransport>(async (_smtp, message) => {
		sent.push(message);
		return ok({ messageId: `<${message.idempotencyKey}@mail>` });
	});
	const deps = createTestDeps({ mail });
	const api = createApi(deps);
	await deps.db.settings.put({ key: 'app', value: { mode: 'demo', isAutoEmailOn: true } });
	await deps.db.outbox.add(leftSending);
	return { deps, api, sent };
}

describe('the outbox after a tab closed mid-send', () => {
	it('sends an email left `sending` on the next round, once', async () => {
		const { deps, api, sent } = await outbox();
		expect(await api.mail.sendQueued({})).toMatchObject({ ok: true, value: { sent: 1 } });
		await api.mail.sendQueued({});
		expect(sent.map((m) => m.idempotencyKey)).toEqual(['m1']);
		expect(await deps.db.outbox.get('m1')).toMatchObject({ state: 'sent', attempts: 2 });
	});

	it('leaves alone an email another tab is sending right now', async () => {
		const { deps, api, sent } = await outbox();
		// Another sender holds the mail lock: its `sending` email is in flight, not abandoned.
		await deps.locks.runExclusive(OUTBOX_LOCK, async () => {
			expect(await api.mail.sendQueued({})).toMatchObject({ ok: true, value: { sent: 0 } });
			expect(await api.mail.sendOne({ emailId: 'm1' })).toMatchObject({
				ok: false,
				error: { code: 'conflict' }
			});
		});
		expect(sent).toEqual([]);
		expect(await deps.db.outbox.get('m1')).toMatchObject({ state: 'sending' });
	});
});
