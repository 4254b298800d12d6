import { describe, expect, it } from 'vitest';
import { SyncConfig, syncBackoffMs } from './sync-config';

describe('syncBackoffMs', () => {
	it('starts at a second, doubles, stops at a minute, with jitter of up to half', () => {
		expect(syncBackoffMs(0, 1)).toBe(1000);
		expect(syncBackoffMs(0, 0)).toBe(500);
		expect(syncBackoffMs(1000, 1)).toBe(2000);
		expect(syncBackoffMs(40_000, 1)).toBe(60_000);
		expect(syncBackoffMs(60_000, 0)).toBe(30_000);
	});
});

describe('SyncConfig', () => {
	it('takes one device letter, upper-cased, and a CouchDB database name', () => {
		const parsed = SyncConfig.parse({
			isOn: true,
			url: 'https://couch.example.com',
			dbName: 'ridgeline',
			deviceLetter: 'b'
		});
		expect(parsed.deviceLetter).toBe('B');
		expect(
			SyncConfig.safeParse({ ...parsed, deviceLetter: 'AB' }).success ||
				SyncConfig.safeParse({ ...parsed, dbName: 'Ridge Line' }).success ||
				SyncConfig.safeParse({ ...parsed, url: 'ftp://x' }).success
		).toBe(false);
	});
});
