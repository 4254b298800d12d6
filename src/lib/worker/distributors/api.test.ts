import { describe, expect, it } from 'vitest';
import { createTestDeps } from '$test-support/worker/test-deps';
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
