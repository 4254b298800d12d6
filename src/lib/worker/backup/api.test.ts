import { describe, expect, it } from 'vitest';
import { createApi } from '../api';
import { openCredentials } from '../secrets/credentials';
import { readSmtp } from '../mail/outbox';
import { SecretBox } from '../secrets/sealing';
import { createTestDeps } from '$test-support/worker/test-deps';

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

describe(
	'backup with the credentials, encrypted under a passphrase (STOR-6, case 25)',
	{ timeout: 60_000 },
	() => {
		const PASSPHRASE = 'ridge line spare parts 2026';

		it('exports the secrets only as PBKDF2/AES-GCM ciphertext and restores them with the passphrase', async () => {
			const source = await seeded();
			const exported = await source.api.backup.export({ passphrase: PASSPHRASE });
			if (!exported.ok) throw new Error(exported.error.message);
			expect(exported.value.hasSecrets).toBe(true);
			expect(exported.value.text).not.toContain('CANARY-WPS-TOKEN-1234');
			expect(exported.value.text).not.toContain('CANARY-SMTP-PASS');
			const file = JSON.parse(exported.value.text);
			expect(file.secrets).toMatchObject({ v: 1, kdf: 'PBKDF2-SHA-256' });
			expect(file.secrets.iter).toBeGreaterThanOrEqual(600_000);
			// This browser's key and the backup date are local: they never travel.
			expect(file.tables.settings.map((r: { key: string }) => r.key)).not.toContain('secretKey');
			expect(file.tables.settings.map((r: { key: string }) => r.key)).not.toContain('lastBackupAt');

			const target = createTestDeps();
			const api = createApi(target);
			const preview = await api.backup.preview({ text: exported.value.text });
			expect(preview.ok && preview.value.hasSecrets).toBe(true);

			const wrong = await api.backup.restore({
				text: exported.value.text,
				mode: 'replace',
				passphrase: 'not the passphrase'
			});
			expect(wrong).toMatchObject({ ok: false, error: { code: 'auth' } });
			expect(await target.db.orders.count()).toBe(0);

			const restored = await api.backup.restore({
				text: exported.value.text,
				mode: 'replace',
				passphrase: PASSPHRASE
			});
			expect(restored).toMatchObject({
				ok: true,
				value: { isCredentialsRestored: true, needsCredentials: [] }
			});
			const wps = await target.db.distributors.get('wps');
			expect(JSON.stringify(wps)).not.toContain('CANARY-WPS-TOKEN-1234');
			const opened = await openCredentials(target, wps!);
			expect(opened.ok && opened.value.apiToken).toBe('CANARY-WPS-TOKEN-1234');
			expect((await readSmtp(target))?.password).toBe('CANARY-SMTP-PASS');
			expect(await target.db.orders.toArray()).toEqual(await source.deps.db.orders.toArray());
		});

		it('without the passphrase the secrets stay out, and the restore says what to enter again', async () => {
			const source = await seeded();
			const exported = await source.api.backup.export({ passphrase: PASSPHRASE });
			if (!exported.ok) throw new Error(exported.error.message);
			const target = createTestDeps();
			const restored = await createApi(target).backup.restore({
				text: exported.value.text,
				mode: 'merge'
			});
			expect(restored).toMatchObject({ ok: true, value: { isCredentialsRestored: false } });
			if (restored.ok) {
				expect(restored.value.needsCredentials).toContain('Western Power Sports credentials');
				expect(restored.value.needsCredentials).toContain('mail server password');
			}
			expect((await target.db.distributors.get('wps'))?.credentials.apiToken).toBeUndefined();
		});

		it('a short export passphrase is refused, and a secrets blob moved into another backup does not open', async () => {
			const source = await seeded();
			expect(await source.api.backup.export({ passphrase: 'short' })).toMatchObject({
				ok: false,
				error: { code: 'validation' }
			});
			const first = await source.api.backup.export({ passphrase: PASSPHRASE });
			const plain = await source.api.backup.export({});
			if (!first.ok || !plain.ok) throw new Error('export failed');
			const grafted = { ...JSON.parse(plain.value.text), exportedAt: '2026-11-21T09:00:00.000Z' };
			grafted.secrets = JSON.parse(first.value.text).secrets;
			const target = createTestDeps();
			expect(
				await createApi(target).backup.restore({
					text: JSON.stringify(grafted),
					mode: 'merge',
					passphrase: PASSPHRASE
				})
			).toMatchObject({ ok: false, error: { code: 'auth' } });
		});

		it('a "replace" restore keeps this browser\'s key: the saved secrets still open after a reload', async () => {
			const { deps, api } = await seeded();
			const exported = await api.backup.export({});
			if (!exported.ok) throw new Error(exported.error.message);
			await api.backup.restore({ text: exported.value.text, mode: 'replace' });
			expect(await deps.db.settings.get('lastBackupAt')).toMatchObject({
				value: exported.value.exportedAt
			});
			const reloaded = { ...deps, secrets: new SecretBox(deps.db) };
			const opened = await openCredentials(reloaded, (await deps.db.distributors.get('wps'))!);
			expect(opened.ok && opened.value.apiToken).toBe('CANARY-WPS-TOKEN-1234');
			expect((await readSmtp(reloaded))?.password).toBe('CANARY-SMTP-PASS');
		});
	}
);
