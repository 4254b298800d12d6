import { describe, expect, it } from 'vitest';
import { callsToday, feedChanges, isFeedDue, lastPublishMoment } from './feed-fetch';
import { FtpFetchRequest, FtpPath } from './feed-source';

describe('when a feed is due', () => {
	const at = (day: number, hours: number, minutes = 0) => new Date(2026, 10, day, hours, minutes);

	it("is due once today's publish time has passed since the last fetch", () => {
		const lastFetch = at(19, 6, 30).toISOString();
		expect(isFeedDue('06:00', lastFetch, at(20, 5, 0))).toBe(false);
		expect(isFeedDue('06:00', lastFetch, at(20, 6, 0))).toBe(true);
		expect(isFeedDue('06:00', at(20, 6, 5).toISOString(), at(20, 23, 0))).toBe(false);
		expect(isFeedDue('14:30', at(20, 6, 5).toISOString(), at(20, 14, 31))).toBe(true);
		expect(isFeedDue('06:00', undefined, at(20, 1, 0))).toBe(true);
	});

	it('takes yesterday’s publish moment before today’s', () => {
		expect(lastPublishMoment('06:00', at(20, 5, 59))).toEqual(at(19, 6, 0));
		expect(lastPublishMoment('06:00', at(20, 6, 0))).toEqual(at(20, 6, 0));
	});

	it('counts the price-file calls of the same local day only', () => {
		const calls = [at(19, 23, 50), at(20, 0, 10), at(20, 7)].map((d) => d.toISOString());
		expect(callsToday(calls, at(20, 9))).toHaveLength(2);
	});
});

describe('what changed between two feeds', () => {
	it('counts new, gone, repriced and restocked SKUs', () => {
		type Row = { sku: string; costCents: number; stock: Record<string, number> };
		const before: Row[] = [
			{ sku: 'A', costCents: 100, stock: { TX: 1 } },
			{ sku: 'B', costCents: 200, stock: { TX: 0 } },
			{ sku: 'C', costCents: 300, stock: {} }
		];
		const after: Row[] = [
			{ sku: 'A', costCents: 110, stock: { TX: 1 } },
			{ sku: 'B', costCents: 200, stock: { TX: 0, PA: 2 } },
			{ sku: 'D', costCents: 400, stock: {} }
		];
		expect(feedChanges(before, after)).toEqual({
			added: 1,
			removed: 1,
			priceChanged: 1,
			stockChanged: 1
		});
	});
});

describe('the FTP request the bridge accepts', () => {
	it.each(['/', '/feeds', '/feeds/daily/', '/Tucker Files'])('takes the folder %s', (path) => {
		expect(FtpPath.safeParse(path).success).toBe(true);
	});

	it.each(['feeds', '/feeds/../etc', '/./feeds', '//etc', '/feeds/..', 'C:\\feeds'])(
		'refuses the folder %s',
		(path) => {
			expect(FtpPath.safeParse(path).success).toBe(false);
		}
	);

	it('refuses a file name with a path in it', () => {
		const request = { host: 'ftp.tucker.com', user: 'u', password: 'p', path: '/' };
		expect(FtpFetchRequest.safeParse({ ...request, file: 'itemmstrnew' }).success).toBe(true);
		for (const file of ['../invlist', 'a/b', '.hidden', '..'])
			expect(FtpFetchRequest.safeParse({ ...request, file }).success).toBe(false);
	});
});
