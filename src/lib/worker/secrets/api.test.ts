import { describe, expect, it } from 'vitest';
import { PassphraseSealed } from '$lib/domain/sealed';
import { createApi } from '../api';
import { openCredentials } from './credentials';
import { openSmtp } from '../mail/outbox';
import { fromBase64 } from './passphrase';
import { LOCK_ROW, SecretBox } from './sealing';
import { FakeDistributor } from '$test-support/worker/fake-distributor';
import { createTestDeps } from '$test-support/worker/test-deps';

const API_KEY = 'CANARY-LOCK-PU-KEY-5521';
const SMTP_PASSWORD = 'CANARY-LOCK-SMTP-0042';
const PASSPHRASE = 'correct horse battery staple';

async function withSecrets() {
	const deps = createTestDeps();
	const api = createApi(deps);
	await api.distributors.saveAccount({
		distributorId: 'pu',
		credentials: { dealerNumber: '10001', apiKey: API_KEY }
	});
	await api.mail.saveSmtp({
		host: 'smtp.example.com',
		port: 587,
		tlsMode: 'starttls',
		user: 'dealer',
		password: SMTP_PASSWORD,
		from: 'parts@ridgeline.example'
	});
	return { deps, api };
}

async function lockRow(deps: ReturnType<typeof createTestDeps>) {
	return PassphraseSealed.parse((await deps.db.settings.get(LOCK_ROW))?.value);
}

describe(
	'passphrase lock on saved credentials (CRED-1, CRED-2, case 10)',
	{ timeout: 60_000 },
	() => {
		it('re-seals every secret under PBKDF2-SHA-256 (600,000 iterations, fresh 16-byte salt)', async () => {
			const { deps, api } = await withSecrets();
			expect(await api.secrets.setPassphrase({ passphrase: 'short' })).toMatchObject({
				ok: false,
				error: { code: 'validation' }
			});
			const before = (await deps.db.distributors.get('pu'))!.sealed!.apiKey!;
			expect(await api.secrets.setPassphrase({ passphrase: PASSPHRASE })).toEqual({
				ok: true,
				value: undefined
			});
			const lock = await lockRow(deps);
			expect(lock.kdf).toBe('PBKDF2-SHA-256');
			expect(lock.iter).toBeGreaterThanOrEqual(600_000);
			expect(fromBase64(lock.salt)).toHaveLength(16);
			expect(fromBase64(lock.iv)).toHaveLength(12);
			const after = (await deps.db.distributors.get('pu'))!.sealed!.apiKey!;
			expect(after.iv).not.toBe(before.iv);
			expect(after.ct).not.toBe(before.ct);
			// The device key no longer opens it: only the passphrase key does.
			const device = await deps.secrets.open(
				after,
				'pu:apiKey',
				'API key',
				await deps.secrets.getDeviceKey()
			);
			expect(device.ok).toBe(false);
			expect(await api.secrets.status({})).toEqual({
				ok: true,
				value: { isLockSet: true, isUnlocked: true }
			});
			const opened = await openCredentials(deps, (await deps.db.distributors.get('pu'))!);
			expect(opened.ok && opened.value.apiKey).toBe(API_KEY);

			// Setting it again: a fresh salt.
			await api.secrets.setPassphrase({ passphrase: `${PASSPHRASE}!` });
			expect((await lockRow(deps)).salt).not.toBe(lock.salt);
		});

		it('while locked, actions needing credentials say "Unlock with your passphrase"; a wrong passphrase is refused', async () => {
			const { deps, api } = await withSecrets();
			await api.secrets.setPassphrase({ passphrase: PASSPHRASE });
			await api.secrets.lock({});
			expect(await api.secrets.status({})).toEqual({
				ok: true,
				value: { isLockSet: true, isUnlocked: false }
			});

			const test = await api.distributors.testConnection({ distributorId: 'pu' });
			expect(test).toMatchObject({ ok: false, error: { code: 'locked' } });
			if (!test.ok) expect(test.error.message).toMatch(/Unlock with your passphrase/);
			expect(await openSmtp(deps)).toMatchObject({ ok: false, error: { code: 'locked' } });
			expect(
				await api.distributors.saveAccount({
					distributorId: 'pu',
					credentials: { dealerNumber: '10001', apiKey: 'NEW-KEY-WHILE-LOCKED' }
				})
			).toMatchObject({ ok: false, error: { code: 'locked' } });

			const wrong = await api.secrets.unlock({ passphrase: 'not the passphrase' });
			expect(wrong).toMatchObject({ ok: false, error: { code: 'auth' } });
			if (!wrong.ok)
				expect(wrong.error.message).toMatch(/not the one your credentials are locked with/);
			expect((await deps.secrets.status()).isUnlocked).toBe(false);

			expect(await api.secrets.unlock({ passphrase: PASSPHRASE })).toEqual({
				ok: true,
				value: undefined
			});
			const opened = await openCredentials(deps, (await deps.db.distributors.get('pu'))!);
			expect(opened.ok && opened.value.apiKey).toBe(API_KEY);
			expect((await openSmtp(deps)).ok).toBe(true);
		});

		it('placing a PO while locked sends nothing and creates no PO; after unlocking it goes once', async () => {
			const fake = new FakeDistributor();
			const deps = createTestDeps({ adapters: (id) => fake.adapter(id) });
			const api = createApi(deps);
			await api.distributors.saveAccount({
				distributorId: 'pu',
				credentials: { dealerNumber: '10001', apiKey: 'DEMOKEY-0000000-0000000-0000000' }
			});
			const shipTo = {
				name: 'Cody Walters',
				line1: '22 E Mifflin St',
				city: 'Madison',
				state: 'WI',
				postalCode: '53703'
			};
			const order = await api.orders.create({
				number: '1009',
				buyer: { name: 'Cody Walters', email: 'cody@example.com' },
				shipTo,
				items: [{ title: 'Brake Pads', sku: 'PU1721-2440', quantity: 1, unitPriceCents: 3995 }]
			});
			if (!order.ok) throw new Error(order.error.message);
			await api.secrets.setPassphrase({ passphrase: PASSPHRASE });
			await api.secrets.lock({});
			const place = () =>
				api.purchaseOrders.place({
					orderId: order.value.id,
					distributorId: 'pu',
					shipTo,
					lines: [
						{
							orderItemId: `${order.value.id}-1`,
							sku: '1721-2440',
							quantity: 1,
							unitCostCents: 2210
						}
					]
				});
			const locked = await place();
			expect(locked).toMatchObject({ ok: false, error: { code: 'locked' } });
			if (!locked.ok) expect(locked.error.message).toMatch(/Unlock with your passphrase/);
			expect(await deps.db.purchaseOrders.count()).toBe(0);
			expect(fake.orders.size).toBe(0);

			await api.secrets.unlock({ passphrase: PASSPHRASE });
			expect(await place()).toMatchObject({ ok: true });
			expect(fake.orders.size).toBe(1);
		});

		it('a new worker (reload, another tab) starts locked: the key lives in memory only', async () => {
			const { deps, api } = await withSecrets();
			await api.secrets.setPassphrase({ passphrase: PASSPHRASE });
			const reloaded = { ...deps, secrets: new SecretBox(deps.db) };
			const account = (await deps.db.distributors.get('pu'))!;
			expect(await openCredentials(reloaded, account)).toMatchObject({
				ok: false,
				error: { code: 'locked' }
			});
			// The only stored key is the device key; the passphrase key is never written.
			const storedKeys = (await deps.db.settings.toArray()).filter(
				(r) => r.value instanceof CryptoKey
			);
			expect(storedKeys.map((r) => r.key)).toEqual(['secretKey']);
			expect(await reloaded.secrets.unlock(PASSPHRASE)).toEqual({ ok: true, value: undefined });
			const opened = await openCredentials(reloaded, account);
			expect(opened.ok && opened.value.apiKey).toBe(API_KEY);
		});

		it('in live mode, a locked mail password holds the emails back instead of marking them sent', async () => {
			const { deps, api } = await withSecrets();
			await deps.db.settings.put({ key: 'app', value: { mode: 'live', isAutoEmailOn: true } });
			await deps.db.outbox.add({
				id: 'm1',
				dedupeKey: 'ship/o1/1Z999/shipped',
				orderId: 'o1',
				to: 'jake@example.com',
				subject: 'Your order shipped',
				text: 'On its way',
				html: '<p>On its way</p>',
				state: 'queued',
				attempts: 0,
				createdAt: deps.now().toISOString()
			});
			await api.secrets.setPassphrase({ passphrase: PASSPHRASE });
			await api.secrets.lock({});
			const sent = await api.mail.sendOne({ emailId: 'm1' });
			expect(sent).toMatchObject({ ok: false, error: { code: 'locked' } });
			expect((await deps.db.outbox.get('m1'))?.state).toBe('queued');
		});

		it('removing the lock needs the passphrase, and puts the secrets back under the device key', async () => {
			const { deps, api } = await withSecrets();
			await api.secrets.setPassphrase({ passphrase: PASSPHRASE });
			await api.secrets.lock({});
			expect(await api.secrets.removePassphrase({ passphrase: 'wrong wrong wrong' })).toMatchObject(
				{
					ok: false,
					error: { code: 'auth' }
				}
			);
			expect(await deps.db.settings.get(LOCK_ROW)).toBeDefined();
			expect(await api.secrets.removePassphrase({ passphrase: PASSPHRASE })).toEqual({
				ok: true,
				value: undefined
			});
			expect(await deps.db.settings.get(LOCK_ROW)).toBeUndefined();
			const fresh = { ...deps, secrets: new SecretBox(deps.db) };
			const opened = await openCredentials(fresh, (await deps.db.distributors.get('pu'))!);
			expect(opened.ok && opened.value.apiKey).toBe(API_KEY);
			expect(await openSmtp(fresh)).toMatchObject({ ok: true, value: { password: SMTP_PASSWORD } });
		});
	}
);
