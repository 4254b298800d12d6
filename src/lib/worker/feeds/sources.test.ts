import { describe, expect, it } from 'vitest';
import { createTestDeps } from '$test-support/worker/test-deps';
import { createApi } from '../api';
import { openSourcePassword, readSources } from './sources';

/** A feed source's password is sealed like an API key and moves with the passphrase lock. */
async function dealerWithFtpSource() {
	const deps = createTestDeps();
	const api = createApi(deps);
	const saved = await api.feeds.saveSource({
		distributorId: 'tucker',
		source: {
			kind: 'ftp',
			publishTime: '05:30',
			ftp: {
				host: 'ftp.tucker.com',
				port: 21,
				user: 'dealer42',
				path: '/',
				files: ['itemmstrnew', 'invlist'],
				tls: 'when-offered'
			}
		},
		password: 'ftp-secret-1234'
	});
	expect(saved).toMatchObject({
		ok: true,
		value: { hasPassword: true, passwordHint: '••••••1234' }
	});
	return { deps, api };
}

const openTucker = async (deps: ReturnType<typeof createTestDeps>) => {
	const stored = (await readSources(deps.db)).tucker;
	if (!stored) throw new Error('no source');
	return openSourcePassword(deps, 'tucker', stored);
};

describe('feed source passwords', () => {
	it('keeps the saved password when the form leaves it empty', async () => {
		const { deps, api } = await dealerWithFtpSource();
		const sources = await api.feeds.sources({});
		if (!sources.ok || !sources.value.tucker) throw new Error('no sources');
		const { hasPassword: _, ...source } = sources.value.tucker;
		await api.feeds.saveSource({ distributorId: 'tucker', source, password: '' });
		expect(await openTucker(deps)).toEqual({ ok: true, value: 'ftp-secret-1234' });
	});

	it('are re-sealed with the passphrase lock, and locked with it', async () => {
		const { deps, api } = await dealerWithFtpSource();
		expect(await api.secrets.setPassphrase({ passphrase: 'a long shop passphrase' })).toMatchObject(
			{
				ok: true
			}
		);
		expect(await openTucker(deps)).toEqual({ ok: true, value: 'ftp-secret-1234' });
		await api.secrets.lock({});
		const locked = await api.feeds.fetchNow({ distributorId: 'tucker' });
		expect(locked).toMatchObject({ ok: true, value: { outcome: 'failed' } });
		expect(locked.ok && locked.value.message).toMatch(/^Tucker Rocky FTP: .*passphrase/i);
	});

	it('refuses a source the distributor does not offer', async () => {
		const { api } = await dealerWithFtpSource();
		expect(
			await api.feeds.saveSource({
				distributorId: 'tucker',
				source: { kind: 'wps-api', publishTime: '06:00' }
			})
		).toMatchObject({ ok: false, error: { code: 'validation' } });
	});
});
