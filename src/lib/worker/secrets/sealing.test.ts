import { describe, expect, it, vi } from 'vitest';
import { createApi } from '../api';
import { openCredentials } from './credentials';
import { readSmtp } from '../mail/outbox';
import { SecretBox } from './sealing';
import { createTestDeps } from '$test-support/worker/test-deps';

const CANARY = 'CANARY7Q-SECRET-9931';

describe('secrets at rest', () => {
	it('case 9: a canary API key and SMTP password appear in no store and no export', async () => {
		const deps = createTestDeps();
		const api = createApi(deps);
		await api.demo.ensureStarted({});
		await api.distributors.saveAccount({
			distributorId: 'pu',
			credentials: { dealerNumber: '10001', apiKey: CANARY }
		});
		await api.mail.saveSmtp({
			host: 'smtp.example.com',
			port: 587,
			tlsMode: 'starttls',
			user: 'dealer',
			password: `${CANARY}-smtp`,
			from: 'parts@ridgeline.example'
		});
		for (const table of deps.db.tables) {
			const dump = JSON.stringify(await table.toArray());
			expect(dump, table.name).not.toContain(CANARY);
		}
		const exported = await api.backup.export({ includeCatalog: false });
		expect(exported.ok && exported.value.text).not.toContain(CANARY);
		// …and yet the worker can still use them.
		const pu = await deps.db.distributors.get('pu');
		expect(pu?.credentials.apiKey).toBe('••••••9931');
		const opened = await openCredentials(deps, pu!);
		expect(opened.ok && opened.value.apiKey).toBe(CANARY);
		expect((await readSmtp(deps))?.password).toBe(`${CANARY}-smtp`);
	});

	it('case 10: a flipped bit, a wrong IV or a ciphertext moved to another row does not open', async () => {
		const deps = createTestDeps();
		const box = new SecretBox(deps.db);
		const seal = async (text: string, context: string) => {
			const result = await box.seal(text, context);
			if (!result.ok) throw new Error(result.error.message);
			return result.value;
		};
		const sealed = await seal('DEMOKEY-1', 'pu:apiKey');
		expect(await box.open(sealed, 'pu:apiKey', 'API key')).toEqual({
			ok: true,
			value: 'DEMOKEY-1'
		});
		const flipped = {
			...sealed,
			ct: sealed.ct.slice(0, -4) + (sealed.ct.endsWith('AAAA') ? 'BBBB' : 'AAAA')
		};
		expect(await box.open(flipped, 'pu:apiKey', 'API key')).toMatchObject({
			ok: false,
			error: { code: 'auth' }
		});
		const otherIv = { ...sealed, iv: (await seal('x', 'y')).iv };
		expect(await box.open(otherIv, 'pu:apiKey', 'API key')).toMatchObject({ ok: false });
		expect(await box.open(sealed, 'wps:apiToken', 'API token')).toMatchObject({
			ok: false,
			error: { message: expect.stringMatching(/could not be read/) }
		});
		const again = await seal('DEMOKEY-1', 'pu:apiKey');
		expect(again.iv).not.toBe(sealed.iv);
	});

	it('keeps the saved secret when the dealer saves the form without retyping it', async () => {
		const deps = createTestDeps();
		const api = createApi(deps);
		await api.distributors.saveAccount({
			distributorId: 'tucker',
			credentials: { customerNumber: '100001', apiKey: CANARY }
		});
		const shown = (await deps.db.distributors.get('tucker'))!.credentials.apiKey!;
		await api.distributors.saveAccount({
			distributorId: 'tucker',
			credentials: { customerNumber: '100002', apiKey: shown }
		});
		const account = await deps.db.distributors.get('tucker');
		expect(account?.credentials.customerNumber).toBe('100002');
		const opened = await openCredentials(deps, account!);
		expect(opened.ok && opened.value.apiKey).toBe(CANARY);
	});
});

describe('canary scan (case 9, CRED-3)', { timeout: 60_000 }, () => {
	it('a canary key and password appear in no store, audit entry, console line, answer or encrypted export', async () => {
		const logged: string[] = [];
		const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
			vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
				logged.push(
					args
						.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : JSON.stringify(a)))
						.join(' ')
				);
			})
		);
		try {
			const deps = createTestDeps();
			const api = createApi(deps);
			const answers: unknown[] = [];
			const call = async <T>(result: Promise<T>) => {
				const value = await result;
				answers.push(value);
				return value;
			};
			await call(api.demo.ensureStarted({}));
			await call(
				api.distributors.saveAccount({
					distributorId: 'pu',
					credentials: { dealerNumber: '10001', apiKey: CANARY }
				})
			);
			await call(
				api.mail.saveSmtp({
					host: 'smtp.example.com',
					port: 587,
					tlsMode: 'starttls',
					user: 'dealer',
					password: `${CANARY}-smtp`,
					from: 'parts@ridgeline.example'
				})
			);
			// The key is used for a real (simulated) call, so the audit log has entries for it.
			await call(api.distributors.testConnection({ distributorId: 'pu' }));
			const exported = await call(api.backup.export({ passphrase: 'canary export passphrase' }));
			if (!exported.ok) throw new Error(exported.error.message);
			expect(JSON.parse(exported.value.text).secrets.ct).toBeTruthy();

			// Restore into a second profile, then lock both ways.
			const other = createTestDeps();
			const otherApi = createApi(other);
			await call(
				otherApi.backup.restore({
					text: exported.value.text,
					mode: 'replace',
					passphrase: 'canary export passphrase'
				})
			);
			await call(api.secrets.setPassphrase({ passphrase: 'canary lock passphrase' }));
			await call(api.secrets.lock({}));
			await call(api.secrets.unlock({ passphrase: 'wrong passphrase' }));
			await call(api.distributors.testConnection({ distributorId: 'pu' }));

			expect(await deps.db.auditLog.count()).toBeGreaterThan(0);
			for (const db of [deps.db, other.db]) {
				for (const table of db.tables) {
					const dump = JSON.stringify(await table.toArray());
					expect(dump, `${db.name}.${table.name}`).not.toContain(CANARY);
				}
			}
			expect(exported.value.text).not.toContain(CANARY);
			expect(JSON.stringify(answers)).not.toContain(CANARY);
			expect(logged.join('\n')).not.toContain(CANARY);

			// …and yet the restored profile can use them.
			const restored = await openCredentials(other, (await other.db.distributors.get('pu'))!);
			expect(restored.ok && restored.value.apiKey).toBe(CANARY);
		} finally {
			spies.forEach((spy) => spy.mockRestore());
		}
	});
});
