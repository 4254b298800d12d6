import { describe, expect, it } from 'vitest';
import { createApi } from '../api';
import { openCredentials } from '../credentials';
import { readSmtp } from '../mail-outbox';
import { createTestDeps } from '../test-deps';

async function seeded() {
	const deps = createTestDeps();
	const api = createApi(deps);
	await api.demo.ensureStarted({});
	await api.distributors.saveAccount({
		distributorId: 'wps',
		credentials: { apiToken: 'CANARY-WPS-TOKEN-1234' }
	});
	await api.mail.saveSmtp({
		host: 'smtp.example.com',
		port: 587,
		tlsMode: 'starttls',
		user: 'dealer',
		password: 'CANARY-SMTP-PASS',
		from: 'parts@ridgeline.example'
	});
	return { deps, api };
}

describe('backup and restore', () => {
	it('exports everything but the secrets, and restores it into an empty profile', async () => {
		const source = await seeded();
		const exported = await source.api.backup.export({});
		expect(exported.ok).toBe(true);
		if (!exported.ok) return;
		expect(exported.value.text).not.toContain('CANARY-WPS-TOKEN-1234');
		expect(exported.value.text).not.toContain('CANARY-SMTP-PASS');

		const target = createTestDeps();
		const api = createApi(target);
		const preview = await api.backup.preview({ text: exported.value.text });
		expect(preview.ok && preview.value.changes.find((c) => c.table === 'orders')).toMatchObject({
			incoming: await source.deps.db.orders.count(),
			added: await source.deps.db.orders.count(),
			changed: 0
		});
		const restored = await api.backup.restore({ text: exported.value.text, mode: 'merge' });
		expect(restored.ok).toBe(true);
		expect(await target.db.orders.toArray()).toEqual(await source.deps.db.orders.toArray());
		expect(await target.db.orderItems.count()).toBe(await source.deps.db.orderItems.count());
		expect((await target.db.distributors.get('wps'))?.credentials.apiToken).toBeUndefined();
	});

	it('keeps the secrets already saved here when restoring over them', async () => {
		const { deps, api } = await seeded();
		const exported = await api.backup.export({});
		if (!exported.ok) throw new Error('export failed');
		await deps.db.orders.clear();
		await api.backup.restore({ text: exported.value.text, mode: 'replace' });
		const wps = await deps.db.distributors.get('wps');
		const opened = await openCredentials(deps, wps!);
		expect(opened.ok && opened.value.apiToken).toBe('CANARY-WPS-TOKEN-1234');
		expect((await readSmtp(deps))?.password).toBe('CANARY-SMTP-PASS');
		expect(await deps.db.orders.count()).toBeGreaterThan(20);
	});

	it('refuses a damaged or foreign file and writes nothing', async () => {
		const { deps, api } = await seeded();
		const exported = await api.backup.export({});
		if (!exported.ok) throw new Error('export failed');
		const broken = JSON.parse(exported.value.text);
		broken.tables.orders[3].totalCents = 'lots';
		const before = await deps.db.orders.toArray();
		const result = await api.backup.restore({ text: JSON.stringify(broken), mode: 'replace' });
		expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
		if (!result.ok) expect(result.error.message).toMatch(/orders are damaged \(row 4/);
		expect(await deps.db.orders.toArray()).toEqual(before);
		expect(await api.backup.preview({ text: 'PK\u0003\u0004 binary' })).toMatchObject({
			ok: false,
			error: { code: 'validation' }
		});
		expect(await api.backup.preview({ text: '{"hello": 1}' })).toMatchObject({
			ok: false,
			error: { message: 'This file is not a Dropship Desk backup.' }
		});
	});
});
