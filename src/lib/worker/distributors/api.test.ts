import { describe, expect, it, vi } from 'vitest';
import { createTestDeps } from '$test-support/worker/test-deps';
import { demoAccounts } from '$lib/mocks/demo-data';
import { createApi } from '../api';

describe('Automatic without its API address', () => {
	it('is named in the dealer’s words, and no adapter is built (nothing sent, nothing retried)', async () => {
		let built = 0;
		const deps = createTestDeps({
			adapters: () => {
				built += 1;
				return null;
			}
		});
		await deps.db.distributors.put({
			id: 'automatic',
			isEnabled: true,
			credentials: { apiToken: 'demo-automatic-token-0000' },
			prerequisitesDone: [],
			updatedAt: deps.now().toISOString()
		});
		const api = createApi(deps);
		expect(await api.distributors.testConnection({ distributorId: 'automatic' })).toEqual({
			ok: false,
			error: {
				code: 'not_enabled',
				message: "Automatic's API address is not set. Enter it in Settings › Order automation."
			}
		});
		expect(built).toBe(0);
	});

	it('is saved only as an https address', async () => {
		const api = createApi(createTestDeps());
		const saved = await api.distributors.saveAccount({
			distributorId: 'automatic',
			credentials: { apiToken: 'demo-automatic-token-0000', apiBaseUrl: 'http://ad.example/v2' }
		});
		expect(saved).toMatchObject({
			ok: false,
			error: { code: 'validation', field: 'credentials.apiBaseUrl' }
		});
	});
});

describe("a distributor's adapter that cannot be loaded", () => {
	it('fails in the dealer’s words (reload the page), and nothing is sent', async () => {
		// An adapter loads when first used; after an update the old version's file is gone.
		const deps = createTestDeps({
			adapters: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
		});
		let sent = 0;
		const fetch = deps.fetch;
		deps.fetch = (input, init) => {
			sent += 1;
			return fetch(input, init);
		};
		await deps.db.distributors.bulkPut(demoAccounts(deps.now()));
		// The cause goes to the console for whoever diagnoses it; the dealer reads the words.
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		const answer = await createApi(deps).distributors.testConnection({ distributorId: 'pu' });
		expect(answer).toEqual({
			ok: false,
			error: {
				code: 'transient',
				message:
					'Dropship Desk could not load its Parts Unlimited connection (the app was updated, or the browser went offline before it was saved). Nothing was sent. Reload the page and try again.'
			}
		});
		expect(sent).toBe(0);
		expect(warn).toHaveBeenCalledOnce();
		warn.mockRestore();
	});
});
