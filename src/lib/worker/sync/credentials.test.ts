import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CouchServer } from '$test-support/worker/couch-server';
import { eventually, twoDevices, type Device } from '$test-support/worker/two-devices';

let server: CouchServer;
let a: Device;
let b: Device;

beforeEach(async () => {
	({ server, a, b } = await twoDevices());
	await b.deps.db.distributors.clear();
});

afterEach(async () => {
	await a.api.sync.stop({});
	await b.api.sync.stop({});
	await server.close();
});

it(
	'credentials travel only sealed under the shop passphrase, and open on B with it',
	{ timeout: 60_000 },
	async () => {
		expect(await a.api.sync.shareCredentials({ passphrase: 'ridge line 2026' })).toEqual({
			ok: true,
			value: { accounts: 1 }
		});
		await eventually([a, b], async () => {
			expect(await b.deps.db.settings.get('sharedCredentials')).toBeDefined();
		});
		// Nothing on the server holds the key in the clear.
		const everything = JSON.stringify(await server.db().allDocs({ include_docs: true }));
		expect(everything).toContain('sharedCredentials');
		expect(everything).not.toContain('DEMOKEY-0000000-0000000-0000000');

		expect(await b.api.sync.receiveCredentials({ passphrase: 'not the passphrase' })).toMatchObject(
			{
				ok: false,
				error: { code: 'auth' }
			}
		);
		expect(await b.deps.db.distributors.count()).toBe(0);
		expect(await b.api.sync.receiveCredentials({ passphrase: 'ridge line 2026' })).toEqual({
			ok: true,
			value: { accounts: 1 }
		});
		const account = await b.deps.db.distributors.get('pu');
		expect(account?.credentials.dealerNumber).toBe('10001');
		// Sealed for B's browser: the stored row shows a hint, the key itself opens through B's box.
		expect(JSON.stringify(account)).not.toContain('DEMOKEY-0000000-0000000-0000000');
		expect(account?.sealed).toBeDefined();
	}
);
